using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Sessions;

namespace Wellbeing.Infrastructure.Persistence.Configurations;

internal sealed class CareSessionConfiguration : IEntityTypeConfiguration<CareSession>
{
    public void Configure(EntityTypeBuilder<CareSession> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.PartnerSessionId).HasMaxLength(Lengths.ExternalKey);

        builder.HasOne<Hub>().WithMany().HasForeignKey(s => s.HubId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Professional>().WithMany().HasForeignKey(s => s.ProfessionalId).OnDelete(DeleteBehavior.Restrict);

        // AllianceSubmissionId has no foreign key on purpose: Submissions already points here through CareSessionId,
        // and a constraint each way would form a cycle between the two tables.

        // Ending a session through the partner API is idempotent per hub; sessions booked here have no partner id.
        builder.HasIndex(s => new { s.HubId, s.PartnerSessionId })
            .IsUnique()
            .HasFilter(Lengths.NotNull(nameof(CareSession.PartnerSessionId)));

        // The pair's sessions are numbered 1, 2, 3... for the alliance cadence: two bookings racing for one number
        // cannot both be saved (ScheduleSessionHandler takes the next). It also serves "the pair's sessions".
        builder.HasIndex(s => new { s.MemberId, s.ProfessionalId, s.SequenceNumber }).IsUnique();
    }
}
