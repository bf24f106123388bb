using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Members;
using Wellbeing.Infrastructure.Statistics;

namespace Wellbeing.Infrastructure.Persistence.Configurations;

internal sealed class ResponderSummaryConfiguration : IEntityTypeConfiguration<ResponderSummary>
{
    public void Configure(EntityTypeBuilder<ResponderSummary> builder)
    {
        builder.HasKey(r => r.MemberId);
        builder.Property(r => r.Version).IsConcurrencyToken();

        // The database removes the row with the member, whichever code deletes the member.
        builder.HasOne<Member>().WithOne().HasForeignKey<ResponderSummary>(r => r.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Hub>().WithMany().HasForeignKey(r => r.HubId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(r => r.HubId);
    }
}
