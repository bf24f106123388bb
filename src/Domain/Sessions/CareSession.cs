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

    /// <param name="id">The id the booking form was drawn with, so that sending it twice books once; new when omitted.</param>
    public CareSession(Guid hubId, Guid memberId, Guid professionalId, DateTimeOffset scheduledAt, int sequenceNumber, string? partnerSessionId = null, Guid? id = null)
    {
        if (sequenceNumber < 1)
        {
            throw new DomainException("Sessions are numbered from 1.");
        }

        Id = id ?? Guid.NewGuid();
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

    /// <summary>
    /// How long before its scheduled start a session may be marked ended: a professional who closes the record in the
    /// last minutes before a short call, or whose clock runs a little ahead, is not refused. Anything earlier would send
    /// the client a survey about a session that has not happened.
    /// </summary>
    public static readonly TimeSpan EndTolerance = TimeSpan.FromMinutes(15);

    /// <summary>Sessions may be booked up to a year ahead, or entered up to 30 days after they happened.</summary>
    public const int MaxDaysAhead = 365;

    public const int MaxDaysBack = 30;

    public bool IsEnded => EndedAt is not null;

    /// <summary>
    /// Refuses a start outside the booking window: <see cref="MaxDaysBack"/> local calendar days before
    /// <paramref name="now"/> to <see cref="MaxDaysAhead"/> after, at the same wall-clock time (<see cref="LocalCalendar"/>).
    /// </summary>
    /// <exception cref="DomainException">Outside the window.</exception>
    public static void EnsureBookable(DateTimeOffset scheduledAt, DateTimeOffset now, string timeZoneId)
    {
        if (scheduledAt > LocalCalendar.AddDays(now, MaxDaysAhead, timeZoneId) || scheduledAt < LocalCalendar.AddDays(now, -MaxDaysBack, timeZoneId))
        {
            throw new DomainException($"Choose a date from {MaxDaysBack} days ago up to a year from now.");
        }
    }

    /// <summary>
    /// Ends the session once; a second call (a retry, a double click) changes nothing. Its alliance invitation, when the
    /// hub's cadence opens one, stays open for the hub's number of local calendar days (<see cref="LocalCalendar"/>).
    /// </summary>
    /// <param name="timeZoneId">The hub's IANA zone, in which the invitation's days are counted.</param>
    /// <returns>True when this call opened an alliance invitation.</returns>
    /// <exception cref="DomainException">More than <see cref="EndTolerance"/> before the scheduled start.</exception>
    public bool End(DateTimeOffset at, HubSettings settings, string timeZoneId)
    {
        if (IsEnded)
        {
            return false;
        }

        if (at < ScheduledAt - EndTolerance)
        {
            var start = TimeZoneInfo.ConvertTime(ScheduledAt, LocalCalendar.Zone(timeZoneId));
            throw new DomainException(
                $"This session starts at {start:HH:mm} on {start:d MMM yyyy}: it can be marked as ended from {EndTolerance.TotalMinutes:0} minutes before it starts, not earlier.");
        }

        EndedAt = at;
        if (!settings.AllianceCadence.Invites(SequenceNumber))
        {
            return false;
        }

        InvitationOpenedAt = at;
        InvitationExpiresAt = LocalCalendar.AddDays(at, settings.InvitationExpiryDays, timeZoneId);
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
