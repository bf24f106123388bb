using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wellbeing.Domain.Professionals;

namespace Wellbeing.Infrastructure.Persistence.Configurations;

internal sealed class AlliancePeriodScoreConfiguration : IEntityTypeConfiguration<AlliancePeriodScore>
{
    public void Configure(EntityTypeBuilder<AlliancePeriodScore> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.PeriodKey).HasMaxLength(Lengths.ShortCode).IsRequired();

        builder.HasOne<Professional>().WithMany().HasForeignKey(s => s.ProfessionalId).OnDelete(DeleteBehavior.Restrict);

        // One month is published once per professional, however many job servers run.
        builder.HasIndex(s => new { s.ProfessionalId, s.PeriodStart }).IsUnique();

        builder.OwnsMany(s => s.Subscales, subscale =>
        {
            subscale.ToTable("AlliancePeriodSubscales");
            subscale.WithOwner().HasForeignKey("AlliancePeriodScoreId");
            subscale.HasKey("AlliancePeriodScoreId", nameof(AllianceSubscaleMean.Key));
            subscale.Property(m => m.Key).HasMaxLength(Lengths.ExternalKey);
        });
        builder.Navigation(s => s.Subscales).HasField("_subscales").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
