using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Professionals;

namespace Wellbeing.Infrastructure.Persistence.Configurations;

internal sealed class ProfessionalConfiguration : IEntityTypeConfiguration<Professional>
{
    public void Configure(EntityTypeBuilder<Professional> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.UserId).HasMaxLength(Lengths.UserId);
        builder.Property(p => p.DisplayName).HasMaxLength(Lengths.Name).IsRequired();
        builder.Property(p => p.Email).HasMaxLength(Lengths.Email).IsRequired();
        builder.Property(p => p.Title).HasMaxLength(Lengths.Name).IsRequired();
        builder.HasIndex(p => p.UserId);

        // Owned, so a membership is only ever added or removed through the professional's own rules.
        builder.OwnsMany(p => p.Hubs, membership =>
        {
            membership.ToTable("HubMemberships");
            membership.WithOwner().HasForeignKey(m => m.ProfessionalId);
            membership.HasKey(m => new { m.ProfessionalId, m.HubId });
            membership.HasOne<Hub>().WithMany().HasForeignKey(m => m.HubId).OnDelete(DeleteBehavior.Restrict);
            membership.HasIndex(m => new { m.HubId, m.ProfessionalId });
        });
        builder.Navigation(p => p.Hubs).HasField("_hubs").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
