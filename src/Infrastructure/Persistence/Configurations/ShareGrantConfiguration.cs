using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Sharing;

namespace Wellbeing.Infrastructure.Persistence.Configurations;

internal sealed class ShareGrantConfiguration : IEntityTypeConfiguration<ShareGrant>
{
    public void Configure(EntityTypeBuilder<ShareGrant> builder)
    {
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.Measure).HasConversion<int>();

        builder.HasOne<Hub>().WithMany().HasForeignKey(g => g.HubId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(g => g.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Professional>().WithMany().HasForeignKey(g => g.ProfessionalId).OnDelete(DeleteBehavior.Restrict);

        // Every read of a client's score by a professional first asks "is there an active grant for this measure?".
        builder.HasIndex(g => new { g.MemberId, g.ProfessionalId, g.Measure, g.RevokedAt });
        builder.HasIndex(g => new { g.HubId, g.ProfessionalId });
    }
}
