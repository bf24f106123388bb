using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Invitations;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Messaging;

namespace Wellbeing.Infrastructure.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.DeduplicationKey).HasMaxLength(Lengths.ExternalKey);
        builder.HasIndex(m => m.DeduplicationKey).IsUnique();

        // Every save of a message says "WHERE Attempts = what I read": of two job runs that read it, only the first
        // one's claim (or withdrawal, or deferral) is saved, and the other learns of it (docs/decisions/0008).
        builder.Property(m => m.Attempts).IsConcurrencyToken();

        // Like every other row about a member, removed explicitly with the member (DeleteMyAccountHandler).
        builder.HasOne<Hub>().WithMany().HasForeignKey(m => m.HubId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Invitation>().WithMany().HasForeignKey(m => m.InvitationId).OnDelete(DeleteBehavior.Restrict);

        // The job's scan: what is still to be settled, oldest first.
        builder.HasIndex(m => new { m.SentAt, m.WithdrawnAt, m.NotBefore });
    }
}
