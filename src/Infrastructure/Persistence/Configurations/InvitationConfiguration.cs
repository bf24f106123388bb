using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Invitations;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Professionals;

namespace Wellbeing.Infrastructure.Persistence.Configurations;

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    /// <summary>SHA-256.</summary>
    private const int HashBytes = 32;

    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Email).HasMaxLength(Lengths.Email).IsRequired();
        builder.Property(i => i.SecretHash).HasMaxLength(HashBytes);
        builder.Property(i => i.UserId).HasMaxLength(Lengths.UserId);

        // Every save says "WHERE UsedAt IS NULL AND WithdrawnAt IS NULL" (or what was read): of two requests that accept
        // the same link at once, or accept and withdraw it, only the first is saved and the other learns of it.
        builder.Property(i => i.UsedAt).IsConcurrencyToken();
        builder.Property(i => i.WithdrawnAt).IsConcurrencyToken();

        builder.HasOne<Hub>().WithMany().HasForeignKey(i => i.HubId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(i => i.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Professional>().WithMany().HasForeignKey(i => i.ProfessionalId).OnDelete(DeleteBehavior.Restrict);

        // The admin page's list and the pending-invitation checks.
        builder.HasIndex(i => new { i.HubId, i.Email });
    }
}
