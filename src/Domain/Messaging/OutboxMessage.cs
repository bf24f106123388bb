using Wellbeing.Domain.Common;

namespace Wellbeing.Domain.Messaging;

/// <summary>
/// The intent to send one e-mail to one member (or, for <see cref="MessageKind.AccountInvitation"/>, to the address of an
/// invitation, whose person may have no member row), recorded in the same transaction as the event that causes it (a session
/// ended, a member became due) and sent later by the outbox job. It stores what the message is about, never its text:
/// the job renders it at sending time, after checking that the member should still get it.
/// </summary>
/// <remarks>
/// <see cref="DeduplicationKey"/> is unique, so the same reminder for the same due date or session can be recorded only
/// once however often, and however concurrently, the jobs that record it run.
/// </remarks>
public sealed class OutboxMessage : IAggregateRoot
{
    private OutboxMessage()
    {
        DeduplicationKey = string.Empty;
    }

    /// <param name="dueOn">For the Wellbeing Index kinds: the local calendar date (hub's zone) the index fell due.</param>
    /// <param name="careSessionId">For the alliance kinds: the session the survey is about.</param>
    /// <param name="notBefore">UTC instant before which the message must not be sent (quiet hours already applied).</param>
    /// <exception cref="DomainException">A Wellbeing Index kind without <paramref name="dueOn"/>, or an alliance kind without <paramref name="careSessionId"/>.</exception>
    public OutboxMessage(Guid hubId, Guid memberId, MessageKind kind, DateOnly? dueOn, Guid? careSessionId, DateTimeOffset notBefore, DateTimeOffset createdAt)
    {
        var aboutSession = kind is MessageKind.AllianceInvitation or MessageKind.AllianceReminder;
        if (aboutSession ? careSessionId is null || dueOn is not null : dueOn is null || careSessionId is not null)
        {
            throw new DomainException(aboutSession
                ? "An alliance message names the session it is about."
                : "A Wellbeing Index message names the date the index fell due.");
        }

        if (kind == MessageKind.AccountInvitation)
        {
            throw new DomainException("An invitation e-mail is recorded with ForInvitation.");
        }

        Id = Guid.NewGuid();
        HubId = hubId;
        MemberId = memberId;
        Kind = kind;
        DueOn = dueOn;
        CareSessionId = careSessionId;
        NotBefore = notBefore;
        CreatedAt = createdAt;
        DeduplicationKey = KeyFor(kind, memberId, dueOn, careSessionId);
    }

    /// <summary>
    /// Records the e-mail of an account invitation, due at once. Each sending has its own key (the invitation and the
    /// expiry it is sent for), so a resend is a new message while a resend saved twice at the same instant is one.
    /// </summary>
    /// <param name="expiresAt">The invitation's expiry (UTC) this e-mail is sent for.</param>
    public static OutboxMessage ForInvitation(Guid hubId, Guid invitationId, DateTimeOffset expiresAt, DateTimeOffset createdAt) => new()
    {
        Id = Guid.NewGuid(),
        HubId = hubId,
        InvitationId = invitationId,
        Kind = MessageKind.AccountInvitation,
        NotBefore = createdAt,
        CreatedAt = createdAt,
        DeduplicationKey = $"{MessageKind.AccountInvitation}/{invitationId:N}/{expiresAt.UtcTicks}",
    };

    public Guid Id { get; private set; }
    public Guid HubId { get; private set; }

    /// <summary>The member it is for; null for an <see cref="MessageKind.AccountInvitation"/>.</summary>
    public Guid? MemberId { get; private set; }

    /// <summary>The invitation an <see cref="MessageKind.AccountInvitation"/> carries the link of; null for the other kinds.</summary>
    public Guid? InvitationId { get; private set; }

    public MessageKind Kind { get; private set; }
    public DateOnly? DueOn { get; private set; }
    public Guid? CareSessionId { get; private set; }

    /// <summary>Kind, member and due date or session: one message per reminder, whoever records it and how often.</summary>
    public string DeduplicationKey { get; private set; }

    /// <summary>UTC; the job leaves the message alone until then.</summary>
    public DateTimeOffset NotBefore { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>UTC of the latest attempt, recorded before sending so that no other job run sends it meanwhile.</summary>
    public DateTimeOffset? AttemptedAt { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>UTC at which the SMTP server accepted the message.</summary>
    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>UTC at which the job decided not to send (the member opted out, left, answered, or it expired).</summary>
    public DateTimeOffset? WithdrawnAt { get; private set; }

    /// <summary>
    /// UTC at which the unsubscribe link of this message was first used (RFC 8058 one-click or the visible link's
    /// button). A link works once: a reused one changes nothing, so an old e-mail cannot undo a later choice made on
    /// the My data page.
    /// </summary>
    public DateTimeOffset? UnsubscribeLinkUsedAt { get; private set; }

    public static string KeyFor(MessageKind kind, Guid memberId, DateOnly? dueOn, Guid? careSessionId) =>
        careSessionId is { } session ? $"{kind}/{session:N}" : $"{kind}/{memberId:N}/{dueOn:yyyy-MM-dd}";

    public bool IsSettled => SentAt is not null || WithdrawnAt is not null;

    /// <summary>
    /// Records an attempt before the message goes to the SMTP server: the stored <see cref="Attempts"/> is the
    /// persistence layer's concurrency token, so of two job runs that read the same row only the first one's attempt is
    /// saved and only that run sends (see docs/decisions/0008-outbox-delivery.md).
    /// </summary>
    /// <exception cref="DomainException">The message was already sent or withdrawn.</exception>
    public void BeginAttempt(DateTimeOffset at)
    {
        if (IsSettled)
        {
            throw new DomainException("A message that was sent or withdrawn is not sent again.");
        }

        AttemptedAt = at;
        Attempts++;
    }

    /// <summary>
    /// Gives the message back after the SMTP server refused it or could not be reached: nothing was delivered, so the
    /// next run may send it at once. <see cref="Attempts"/> keeps counting.
    /// </summary>
    public void ReleaseAttempt()
    {
        if (SentAt is null)
        {
            AttemptedAt = null;
        }
    }

    public void MarkSent(DateTimeOffset at) => SentAt ??= at;

    public void Withdraw(DateTimeOffset at) => WithdrawnAt ??= at;

    /// <summary>Records the first use of the message's unsubscribe link; false, changing nothing, when it was used before.</summary>
    public bool UseUnsubscribeLink(DateTimeOffset at)
    {
        if (UnsubscribeLinkUsedAt is not null)
        {
            return false;
        }

        UnsubscribeLinkUsedAt = at;
        return true;
    }

    /// <summary>Moves a message that fell due at night to the morning; never earlier than already planned.</summary>
    public void Defer(DateTimeOffset until)
    {
        if (until > NotBefore)
        {
            NotBefore = until;
        }
    }
}
