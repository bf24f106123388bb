using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wellbeing.Domain.Hubs;

namespace Wellbeing.Infrastructure.Persistence.Configurations;

internal sealed class HubConfiguration : IEntityTypeConfiguration<Hub>
{
    public void Configure(EntityTypeBuilder<Hub> builder)
    {
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Name).HasMaxLength(Hub.MaxNameLength).IsRequired();
        builder.Property(h => h.Organisation).HasMaxLength(Hub.MaxNameLength).IsRequired();
        builder.Property(h => h.Slug).HasMaxLength(Hub.MaxShortLength).IsRequired();
        builder.Property(h => h.TimeZoneId).HasMaxLength(Hub.MaxShortLength).IsRequired();
        builder.HasIndex(h => h.Slug).IsUnique();

        // Settings changes and publications of one hub take turns: a save from an older version is refused (Hub.Version).
        builder.Property(h => h.Version).IsConcurrencyToken();

        // Settings are read with the hub on nearly every request, so they live in its row rather than a join away.
        builder.OwnsOne(h => h.Settings, settings =>
        {
            settings.Property(s => s.AllianceCadence).HasConversion<int>();
        });
        builder.Navigation(h => h.Settings).IsRequired();
    }
}
