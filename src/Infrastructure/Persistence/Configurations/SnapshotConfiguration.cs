using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wellbeing.Domain.Aggregates;
using Wellbeing.Domain.Hubs;

namespace Wellbeing.Infrastructure.Persistence.Configurations;

internal sealed class SnapshotConfiguration : IEntityTypeConfiguration<Snapshot>
{
    /// <summary>Published cells may be means of means, so they keep more decimals than a single score.</summary>
    private const int AggregateScale = 4;

    /// <summary>Cells are also head counts: a hub of 100,000 members overflowed the precision of a single score.</summary>
    private const int AggregatePrecision = 18;

    public void Configure(EntityTypeBuilder<Snapshot> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();

        builder.HasOne<Hub>().WithMany().HasForeignKey(s => s.HubId).OnDelete(DeleteBehavior.Restrict);

        // HR always reads the latest snapshot of its hub.
        builder.HasIndex(s => new { s.HubId, s.AsOf });

        builder.OwnsMany(s => s.Aggregates, aggregate =>
        {
            aggregate.ToTable("Aggregates");
            aggregate.WithOwner().HasForeignKey(a => a.SnapshotId);
            aggregate.HasKey(a => a.Id);
            aggregate.Property(a => a.Id).ValueGeneratedNever();
            aggregate.Property(a => a.Metric).HasMaxLength(Lengths.ShortCode).IsRequired();
            aggregate.Property(a => a.Segment).HasMaxLength(Lengths.Name);
            aggregate.Property(a => a.Period).HasMaxLength(Lengths.ShortCode);
            aggregate.Property(a => a.Category).HasMaxLength(Lengths.ShortCode);
            aggregate.Property(a => a.Value).HasPrecision(AggregatePrecision, AggregateScale);
        });
        builder.Navigation(s => s.Aggregates).HasField("_aggregates").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
