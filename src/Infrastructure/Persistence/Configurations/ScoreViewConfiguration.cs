using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Sharing;

namespace Wellbeing.Infrastructure.Persistence.Configurations;

internal sealed class ScoreViewConfiguration : IEntityTypeConfiguration<ScoreView>
{
    public void Configure(EntityTypeBuilder<ScoreView> builder)
    {
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();

        builder.HasOne<Hub>().WithMany().HasForeignKey(v => v.HubId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(v => v.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Professional>().WithMany().HasForeignKey(v => v.ProfessionalId).OnDelete(DeleteBehavior.Restrict);

        // The client's "who viewed my scores" list reads newest first.
        builder.HasIndex(v => new { v.HubId, v.MemberId, v.ViewedAt });
    }
}
