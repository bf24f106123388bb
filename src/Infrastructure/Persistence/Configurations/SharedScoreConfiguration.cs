using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Sharing;

namespace Wellbeing.Infrastructure.Persistence.Configurations;

internal sealed class SharedScoreConfiguration : IEntityTypeConfiguration<SharedScore>
{
    public void Configure(EntityTypeBuilder<SharedScore> builder)
    {
        // The clients list finds a row's two measures by this key: two index seeks per row.
        builder.HasKey(s => new { s.MemberId, s.ProfessionalId, s.Measure });
        builder.Property(s => s.Measure).HasConversion<int>();

        // An account deletion removes the rows whichever code deletes the member, so nothing of the person is left.
        builder.HasOne<Member>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Professional>().WithMany().HasForeignKey(s => s.ProfessionalId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.ProfessionalId);
    }
}
