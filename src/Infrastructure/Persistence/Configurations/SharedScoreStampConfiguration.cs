using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wellbeing.Domain.Members;
using Wellbeing.Infrastructure.Persistence.ReadModels;

namespace Wellbeing.Infrastructure.Persistence.Configurations;

internal sealed class SharedScoreStampConfiguration : IEntityTypeConfiguration<SharedScoreStamp>
{
    public void Configure(EntityTypeBuilder<SharedScoreStamp> builder)
    {
        builder.HasKey(s => s.MemberId);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne<Member>().WithOne().HasForeignKey<SharedScoreStamp>(s => s.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
