using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Surveys;

namespace Wellbeing.Infrastructure.Persistence.Configurations;

internal sealed class InstrumentLicenceConfiguration : IEntityTypeConfiguration<InstrumentLicence>
{
    public void Configure(EntityTypeBuilder<InstrumentLicence> builder)
    {
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.SurveyKey).HasMaxLength(Lengths.ShortCode);
        builder.Property(l => l.RecordedByUserId).HasMaxLength(Lengths.UserId);
        builder.Property(l => l.RecordedByName).HasMaxLength(Lengths.Name);
        builder.Property(l => l.Note).HasMaxLength(InstrumentLicence.MaxNoteLength);

        builder.HasOne<Hub>().WithMany().HasForeignKey(l => l.HubId).OnDelete(DeleteBehavior.Restrict);

        // One record per hub and instrument: two administrators recording at once keep the first record.
        builder.HasIndex(l => new { l.HubId, l.SurveyKey }).IsUnique();
    }
}
