using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wellbeing.Domain.Aggregates;
using Wellbeing.Domain.Hubs;

namespace Wellbeing.Infrastructure.Persistence.Configurations;

internal sealed class DepartureConfiguration : IEntityTypeConfiguration<Departure>
{
    public void Configure(EntityTypeBuilder<Departure> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Department).HasMaxLength(Lengths.Name);

        builder.HasOne<Hub>().WithMany().HasForeignKey(d => d.HubId).OnDelete(DeleteBehavior.Restrict);

        // The refresh counts a hub's departures since its previous snapshot.
        builder.HasIndex(d => new { d.HubId, d.At });
    }
}
