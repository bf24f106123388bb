using Wellbeing.Domain.Common;
using Wellbeing.Domain.Hubs;

namespace Wellbeing.Domain.Sessions;

/// <summary>
/// A session between a client and a professional. Ending it may open an alliance invitation for the client,
/// depending on the hub's cadence; the invitation closes when used or when it expires.
/// </summary>
public sealed class CareSession : IAggregateRoot
{
    private CareSession()
    {
    }

    public CareSession(Guid hubId, Guid memberId, Guid professionalId, DateTimeOffset scheduledAt, int sequenceNumber, string? partnerSessionId = null)
    {
        if (sequenceNumber < 1)
        {
            throw new DomainException("Sessions are numbered from 1.");
        }

        Id = Guid.NewGuid();
        HubId = hubId;
        MemberId = memberId;
        ProfessionalId = professionalId;
        ScheduledAt = scheduledAt;
        SequenceNumber = sequenceNumber;
        PartnerSessionId = string.IsNullOrWhiteSpace(partnerSessionId) ? null : partnerSessionId.Trim();
    }

    public Guid Id { get; private set; }
    public Guid HubId { get; private set; }
    public Guid MemberId { get; private set; }
    public Guid ProfessionalId { get; private set; }

    /// <summary>The booking or video system's own id, so that ending a session through the API is idempotent.</summary>
    public string? PartnerSessionId { get; private set; }

    public DateTimeOffset ScheduledAt { get; private set; }

    /// <summary>1 for the pair's first session, 2 for the second...: the cadence counts these.</summary>
    public int SequenceNumber { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }
    public DateTimeOffset? InvitationOpenedAt { get; private set; }
    public DateTimeOffset? InvitationExpiresAt { get; private set; }
    public Guid? AllianceSubmissionId { get; private set; }

    public bool IsEnded => EndedAt is not null;

    /// <summary>Ends the session once; a second call (a retry, a double click) changes nothing.</summary>
    /// <returns>True when this call opened an alliance invitation.</returns>
    public bool End(DateTimeOffset at, HubSettings settings)
    {
        if (IsEnded)
        {
            return false;
        }

        EndedAt = at;
        if (!settings.AllianceCadence.Invites(SequenceNumber))
        {
            return false;
        }

        InvitationOpenedAt = at;
        InvitationExpiresAt = at.AddDays(settings.InvitationExpiryDays);
        return true;
    }

    public bool InvitationIsOpen(DateTimeOffset now) =>
        InvitationOpenedAt is not null && AllianceSubmissionId is null && now < InvitationExpiresAt;

    /// <summary>Uses the invitation for one submission; refuses a second one, an expired one, or none at all.</summary>
    public void RecordAllianceSubmission(Guid submissionId, DateTimeOffset now)
    {
        if (AllianceSubmissionId is not null)
        {
            throw new DomainException("This session's alliance survey has already been answered.");
        }

        if (!InvitationIsOpen(now))
        {
            throw new DomainException("This session has no open alliance survey: it was not invited or it has expired.");
        }

        AllianceSubmissionId = submissionId;
    }
}
