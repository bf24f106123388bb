using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Members;

namespace Wellbeing.Infrastructure.Persistence.Configurations;

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.UserId).HasMaxLength(Lengths.UserId);
        builder.Property(m => m.DisplayName).HasMaxLength(Lengths.Name).IsRequired();
        // No length cap: compatibility decomposition can make a key several times longer than its name, and the key
        // is only ever searched by substring, which no index serves.
        builder.Property(m => m.SearchKey).IsRequired();
        builder.Property(m => m.Email).HasMaxLength(Lengths.Email).IsRequired();
        builder.Property(m => m.ExternalId).HasMaxLength(Lengths.ExternalKey);
        builder.Property(m => m.Department).HasMaxLength(Member.DepartmentMaxLength);

        builder.HasOne<Hub>().WithMany().HasForeignKey(m => m.HubId).OnDelete(DeleteBehavior.Restrict);

        // Enrolment from an HRIS is idempotent per hub; members enrolled by hand have no external id.
        builder.HasIndex(m => new { m.HubId, m.ExternalId })
            .IsUnique()
            .HasFilter(Lengths.NotNull(nameof(Member.ExternalId)));
        builder.HasIndex(m => m.UserId);
    }
}
