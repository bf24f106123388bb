using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Statistics;

namespace Wellbeing.Infrastructure.Persistence.Configurations;

internal sealed class PeriodBlockConfiguration : IEntityTypeConfiguration<PeriodBlock>
{
    /// <summary>Cells hold means with decimals and head counts of large hubs alike.</summary>
    private const int CellPrecision = 18;
    private const int CellScale = 4;

    public void Configure(EntityTypeBuilder<PeriodBlock> builder)
    {
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.PeriodKey).HasMaxLength(Lengths.ShortCode).IsRequired();
        builder.Ignore(b => b.Period);
        builder.Ignore(b => b.Departments);

        builder.HasOne<Hub>().WithMany().HasForeignKey(b => b.HubId).OnDelete(DeleteBehavior.Restrict);

        // A period is published once: two job servers racing for it store one block, the other gets a conflict.
        builder.HasIndex(b => new { b.HubId, b.PeriodStart }).IsUnique();

        builder.OwnsMany(b => b.Cells, cell =>
        {
            cell.ToTable("PeriodCells");
            cell.WithOwner().HasForeignKey("PeriodBlockId");
            cell.Property<int>("Id").ValueGeneratedOnAdd();
            cell.HasKey("Id");
            cell.Property(c => c.Metric).HasMaxLength(Lengths.ShortCode).IsRequired();
            // A cell's scope is stored as its department; the whole hub is the only scope without one.
            cell.Ignore(c => c.Scope);
            cell.Property<string?>("_department").HasColumnName("Department").HasMaxLength(Lengths.Name);
            cell.Property(c => c.Category).HasMaxLength(Lengths.ShortCode);
            cell.Property(c => c.Value).HasPrecision(CellPrecision, CellScale);
        });
        builder.Navigation(b => b.Cells).HasField("_cells").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
