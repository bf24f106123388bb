using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wellbeing.Domain.Surveys;

namespace Wellbeing.Infrastructure.Persistence.Configurations;

internal sealed class ImportedInstrumentConfiguration : IEntityTypeConfiguration<ImportedInstrument>
{
    public void Configure(EntityTypeBuilder<ImportedInstrument> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Key).HasMaxLength(ImportedInstrument.MaxKeyLength);
        builder.Property(i => i.ImportedByUserId).HasMaxLength(Lengths.UserId);

        // One definition per key and version: of two administrators importing the same version at once, the first wins
        // and the second is told (ImportInstrumentHandler), so a version's content can never change after the fact.
        builder.HasIndex(i => new { i.Key, i.Version }).IsUnique();
    }
}
