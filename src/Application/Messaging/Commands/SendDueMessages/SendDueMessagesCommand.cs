using Ardalis.Specification;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Application.Invitations;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Invitations;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Messaging;
using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Sessions;
using Wellbeing.Domain.Submissions;

namespace Wellbeing.Application.Messaging.Commands.SendDueMessages;

/// <summary>Sends the outbox messages that are due now (one batch, oldest first).</summary>
public sealed record SendDueMessagesCommand;

/// <summary>
/// What a run did, in counts only (the job logs it). <see cref="LeftToAnotherRun"/>: another run changed a message this
/// one had read (it claimed, sent or withdrew it first), so this run stopped and left the batch to it.
/// </summary>
public sealed record SendDueMessagesResult(int Sent, int Withdrawn, int Deferred, bool LeftToAnotherRun);

/// <summary>How the outbox is sent; from configuration (<c>Email:*</c>).</summary>
/// <param name="PublicBaseUrl">The site's absolute address, for the links in the messages (a job has no request to take it from).</param>
/// <param name="StaleAttemptAfter">
/// How long an attempt whose outcome was never recorded (the process died, or marking it sent failed) blocks the
/// message; afterwards it is sent again. Longer than any send can take, so a slow send is never duplicated.
/// </param>
/// <param name="BatchSize">Messages per run; the rest wait for the next run.</param>
public sealed record OutboxSettings(Uri PublicBaseUrl, TimeSpan StaleAttemptAfter, int BatchSize);

/// <summary>
/// The outbox's sender. It reads what the batch's decisions need up front (its members, invitations and the
/// professionals they are for, hubs, licences, sessions and latest indexes: a fixed number of queries per run, whatever
/// the batch size; an answer given while the run works through its batch is seen by the next run). For each due message
/// it decides at sending time whether it is still wanted (withdrawn otherwise: the member opted out or left, answered
/// the Wellbeing Index since, the hub may not use the current Wellbeing Index (<see cref="WellbeingIndexLicences"/>),
/// or the survey was answered or has expired; an account invitation that is no longer pending, or whose person no
/// longer fits it), waits for the hub's sending hours (not for an account invitation, see
/// <see cref="MessageKind.AccountInvitation"/>), then claims it by saving the attempt (a conditional update: the first run
/// to save wins), sends, and marks it sent. A failed SMTP delivery gives the claim back and fails the run, so that
/// Hangfire retries it later; nothing is marked sent. See docs/decisions/0008-outbox-delivery.md for why this sends at
/// most once within <see cref="OutboxSettings.StaleAttemptAfter"/>.
/// </summary>
/// <exception cref="EmailDeliveryException">The SMTP server was down or refused us; the claim was released.</exception>
public sealed class SendDueMessagesHandler(
    IRepository<OutboxMessage> outbox,
    IRepository<Member> members,
    IRepository<Professional> professionals,
    IRepository<Invitation> invitations,
    IRepository<Hub> hubs,
    IRepository<Submission> submissions,
    IRepository<CareSession> sessions,
    WellbeingIndexLicences licences,
    IUnsubscribeTokens unsubscribeTokens,
    IEmailSender sender,
    IUnitOfWork unitOfWork,
    OutboxSettings settings,
    TimeProvider clock)
{
    public async Task<SendDueMessagesResult> Handle(SendDueMessagesCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await outbox.ListAsync(new DueOutboxMessagesSpec(now, now - settings.StaleAttemptAfter, settings.BatchSize), cancellationToken);
        if (due.Count == 0)
        {
            return new SendDueMessagesResult(0, 0, 0, false);
        }

        var invitationsById = (await invitations.ListAsync(new InvitationsByIdsSpec([.. due.Select(m => m.InvitationId).OfType<Guid>().Distinct()]), cancellationToken)).ToDictionary(i => i.Id);
        var memberIds = due.Select(m => m.MemberId).Concat(invitationsById.Values.Select(i => i.MemberId)).OfType<Guid>().Distinct().ToList();
        var membersById = (await members.ListAsync(new MembersByIdsSpec(memberIds), cancellationToken)).ToDictionary(m => m.Id);
        var professionalIds = invitationsById.Values.Select(i => i.ProfessionalId).OfType<Guid>().Distinct().ToList();
        var professionalsById = (await professionals.ListAsync(new ProfessionalsByIdsSpec(professionalIds), cancellationToken)).ToDictionary(p => p.Id);
        var hubsById = (await hubs.ListAsync(new HubsByIdsSpec(due.Select(m => m.HubId).Distinct().ToList()), cancellationToken)).ToDictionary(h => h.Id);
        var licensed = await licences.HubsThatMayUseAsync(hubsById.Keys, cancellationToken);
        var sessionIds = due.Where(m => m.CareSessionId is not null).Select(m => m.CareSessionId!.Value).Distinct().ToList();
        var sessionsById = (await sessions.ListAsync(new SessionsByIdsSpec(sessionIds), cancellationToken)).ToDictionary(s => s.Id);
        var wellbeingMembers = due.Where(m => m.CareSessionId is null).Select(m => m.MemberId).OfType<Guid>().Distinct().ToList();
        var latestWellbeing = (await submissions.ListAsync(new WellbeingTimesOfMembersSpec(wellbeingMembers), cancellationToken))
            .GroupBy(t => t.MemberId).ToDictionary(g => g.Key, g => g.Max(t => t.SubmittedAt));
        var batch = new BatchFacts(licensed, sessionsById, latestWellbeing, membersById, professionalsById);
        int sent = 0, withdrawn = 0, deferred = 0;
        foreach (var message in due)
        {
            Recipient? recipient = message switch
            {
                { InvitationId: { } invitationId } => invitationsById.TryGetValue(invitationId, out var invitation) ? new Recipient(null, invitation) : null,
                { MemberId: { } memberId } => membersById.TryGetValue(memberId, out var member) ? new Recipient(member, null) : null,
                _ => null,
            };
            if (recipient is null || !hubsById.TryGetValue(message.HubId, out var hub))
            {
                // The member deleted their account since the batch was read, and their messages with it.
                continue;
            }

            try
            {
                switch (await SendAsync(message, recipient, hub, batch, cancellationToken))
                {
                    case Outcome.Sent: sent++; break;
                    case Outcome.Withdrawn: withdrawn++; break;
                    case Outcome.Deferred: deferred++; break;
                }
            }
            catch (ConflictException)
            {
                // Another run saved this message first. Its failed update stays in this unit of work and would fail
                // every later save, and that run is working through the same batch anyway.
                return new SendDueMessagesResult(sent, withdrawn, deferred, true);
            }
        }

        return new SendDueMessagesResult(sent, withdrawn, deferred, false);
    }

    private enum Outcome
    {
        Sent,
        Withdrawn,
        Deferred,
    }

    /// <summary>What the run read for the whole batch before deciding about any message.</summary>
    /// <param name="WellbeingLicensed">The hubs that may use the current Wellbeing Index (<see cref="WellbeingIndexLicences"/>).</param>
    /// <param name="Sessions">The sessions the batch's alliance messages are about; a deleted one is missing.</param>
    /// <param name="LatestWellbeing">When each member with a Wellbeing Index message last filled it in (UTC); missing: never.</param>
    /// <param name="Members">The members the batch's messages and invitations are for.</param>
    /// <param name="Professionals">The professionals the batch's invitations are for.</param>
    private sealed record BatchFacts(
        IReadOnlySet<Guid> WellbeingLicensed,
        IReadOnlyDictionary<Guid, CareSession> Sessions,
        IReadOnlyDictionary<Guid, DateTimeOffset> LatestWellbeing,
        IReadOnlyDictionary<Guid, Member> Members,
        IReadOnlyDictionary<Guid, Professional> Professionals);

    /// <summary>Whom a message goes to: a member, or the address of an invitation (exactly one of the two).</summary>
    private sealed record Recipient(Member? Member, Invitation? Invitation);

    private async Task<Outcome> SendAsync(OutboxMessage message, Recipient recipient, Hub hub, BatchFacts batch, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var wanted = recipient.Invitation is { } invitation
            ? invitation.StateAt(now) == InvitationState.Pending && PersonFits(invitation, batch)
            : StillWanted(message, recipient.Member!, hub, batch, now);
        if (!wanted)
        {
            message.Withdraw(now);
            await unitOfWork.SaveChangesAsync(cancellationToken);
            return Outcome.Withdrawn;
        }

        var opens = SendingHours.NextAllowed(now, hub.TimeZoneId, hub.Settings.SendingHoursStart, hub.Settings.SendingHoursEnd);
        if (recipient.Invitation is null && opens > now)
        {
            message.Defer(opens);
            await unitOfWork.SaveChangesAsync(cancellationToken);
            return Outcome.Deferred;
        }

        // Rendered before the claim, so that a rendering fault fails the run without leaving the message claimed. An
        // invitation's new secret is saved with the claim: if another run claimed first, neither is kept.
        var email = recipient.Invitation is { } invited ? RenderInvitation(message, invited, hub) : Render(message, recipient.Member!, hub);
        message.BeginAttempt(now);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        try
        {
            await sender.SendAsync(email, cancellationToken);
        }
        catch (EmailDeliveryException exception) when (exception.RecipientRefused)
        {
            // No server will ever take this address (refused, or not an address at all): retrying would only hold up
            // every message queued behind it.
            message.Withdraw(clock.GetUtcNow());
            await unitOfWork.SaveChangesAsync(cancellationToken);
            return Outcome.Withdrawn;
        }
        catch (EmailDeliveryException)
        {
            message.ReleaseAttempt();
            await unitOfWork.SaveChangesAsync(CancellationToken.None);
            throw;
        }

        message.MarkSent(clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(CancellationToken.None);
        return Outcome.Sent;
    }

    /// <summary>Whether the reason for the message still holds now; a member's answers may have made it pointless.</summary>
    private static bool StillWanted(OutboxMessage message, Member member, Hub hub, BatchFacts batch, DateTimeOffset now)
    {
        if (!member.Wants(message.Kind))
        {
            return false;
        }

        if (message.CareSessionId is { } sessionId)
        {
            return batch.Sessions.TryGetValue(sessionId, out var session) && session.InvitationIsOpen(now);
        }

        // The current instrument may have changed since the reminder was recorded (a new version or key loaded) to one
        // this hub has no permission for: its form would not open.
        if (!batch.WellbeingLicensed.Contains(hub.Id))
        {
            return false;
        }

        // An index answered since the message was recorded moves the due date, so this reminder no longer applies.
        DateTimeOffset? latest = batch.LatestWellbeing.TryGetValue(member.Id, out var at) ? at : null;
        return WellbeingSchedule.DueOn(latest, member.EnrolledAt, hub.Settings.ReminderCadenceDays, hub.TimeZoneId) == message.DueOn;
    }

    private EmailMessage Render(OutboxMessage message, Member member, Hub hub)
    {
        var page = message.CareSessionId is { } sessionId ? $"alliance/{sessionId}" : "wellbeing";
        var unsubscribe = new Uri(settings.PublicBaseUrl, $"unsubscribe/{unsubscribeTokens.Issue(message)}");
        var content = MemberEmails.Compose(message.Kind, hub.Name, new Uri(settings.PublicBaseUrl, page), unsubscribe);
        return new EmailMessage(message.Id, member.Email, content.Subject, content.TextBody, content.HtmlBody, unsubscribe);
    }

    /// <summary>
    /// Whether the invitation's member or professional can still take it (<see cref="InvitedPersons.StillForPerson"/>):
    /// one deactivated, given an account or a corrected address since it was recorded is not sent a link that would
    /// not work, and an address no longer theirs is not told about the hub.
    /// </summary>
    private static bool PersonFits(Invitation invitation, BatchFacts batch) => invitation.StillForPerson(
        invitation.MemberId is { } memberId ? batch.Members.GetValueOrDefault(memberId) : null,
        invitation.ProfessionalId is { } professionalId ? batch.Professionals.GetValueOrDefault(professionalId) : null);

    private EmailMessage RenderInvitation(OutboxMessage message, Invitation invitation, Hub hub)
    {
        var link = new Uri(settings.PublicBaseUrl, $"invitation/{invitation.IssueToken()}");
        var content = InvitationEmails.Compose(invitation.Role, hub.Name, link, invitation.ExpiresAt);
        return new EmailMessage(message.Id, invitation.Email, content.Subject, content.TextBody, content.HtmlBody, UnsubscribeUrl: null);
    }
}

/// <summary>
/// Unsettled messages whose time has come and that nobody is sending: never attempted, released after a failed
/// delivery, or attempted before <paramref name="staleBefore"/> with no outcome recorded. Tracked: the run changes them.
/// </summary>
public sealed class DueOutboxMessagesSpec : Specification<OutboxMessage>
{
    public DueOutboxMessagesSpec(DateTimeOffset now, DateTimeOffset staleBefore, int take) =>
        Query.Where(m => m.SentAt == null && m.WithdrawnAt == null && m.NotBefore <= now && (m.AttemptedAt == null || m.AttemptedAt <= staleBefore))
            .OrderBy(m => m.NotBefore).ThenBy(m => m.Id).Take(take).AsTracking();
}

/// <summary>When each of the members filled in the Wellbeing Index (UTC), every time; the run keeps each one's latest.</summary>
public sealed class WellbeingTimesOfMembersSpec : Specification<Submission, WellbeingAnswered>
{
    public WellbeingTimesOfMembersSpec(IReadOnlyCollection<Guid> memberIds)
    {
        Query.Where(s => memberIds.Contains(s.MemberId) && s.Measure == Measure.Wellbeing).AsNoTracking();
        Query.Select(s => new WellbeingAnswered(s.MemberId, s.SubmittedAt));
    }
}

/// <summary>A member filled in the Wellbeing Index at <paramref name="SubmittedAt"/> (UTC).</summary>
public sealed record WellbeingAnswered(Guid MemberId, DateTimeOffset SubmittedAt);
