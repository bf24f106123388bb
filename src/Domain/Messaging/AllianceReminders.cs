using Wellbeing.Domain.Common;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Sessions;

namespace Wellbeing.Domain.Messaging;

/// <summary>
/// The e-mails about one alliance invitation (issue #13): the invitation as soon as the sending hours allow, and one
/// reminder <see cref="HubSettings.AllianceReminderAfterDays"/> later that reaches the client at least a day before
/// the survey closes (Greenspace's defaults: a reminder after 2 days, expiry after 4). Whether they are still wanted
/// (the survey answered meanwhile) is decided when each is sent.
/// </summary>
public static class AllianceReminders
{
    /// <summary>
    /// When the reminder about an invitation opened at <paramref name="invitedAt"/> and closing at
    /// <paramref name="expiresAt"/> (both UTC) goes: the hub's reminder days after the invitation (local calendar days),
    /// moved into the sending hours. If that is later than one local calendar day before expiry (the latest a reminder
    /// is still useful), it goes at the opening of the last sending hours before that limit instead; null when those
    /// open no later than the invitation itself, so no reminder could come between the invitation and the limit.
    /// </summary>
    public static DateTimeOffset? ReminderAt(DateTimeOffset invitedAt, DateTimeOffset expiresAt, HubSettings settings, string timeZoneId)
    {
        var latest = LocalCalendar.AddDays(expiresAt, -1, timeZoneId);
        var planned = SendingHours.NextAllowed(
            LocalCalendar.AddDays(invitedAt, settings.AllianceReminderAfterDays, timeZoneId), timeZoneId, settings.SendingHoursStart, settings.SendingHoursEnd);
        if (planned <= latest)
        {
            return planned;
        }

        var lastDay = LocalCalendar.DateOf(latest, timeZoneId);
        var lastOpening = LocalCalendar.At(lastDay, settings.SendingHoursStart, timeZoneId);
        if (lastOpening > latest)
        {
            lastOpening = LocalCalendar.At(lastDay.AddDays(-1), settings.SendingHoursStart, timeZoneId);
        }

        return lastOpening > invitedAt ? lastOpening : null;
    }

    /// <summary>
    /// The messages to record in the transaction that opened <paramref name="session"/>'s alliance invitation: the
    /// invitation at <paramref name="now"/> (UTC) moved into the hub's sending hours, and its reminder
    /// (<see cref="ReminderAt"/>) when one is possible.
    /// </summary>
    /// <exception cref="DomainException">The session has no alliance invitation.</exception>
    public static IReadOnlyList<OutboxMessage> For(CareSession session, Hub hub, DateTimeOffset now)
    {
        if (session.InvitationOpenedAt is not { } invitedAt || session.InvitationExpiresAt is not { } expiresAt)
        {
            throw new DomainException("Only a session that opened an alliance survey sends an invitation.");
        }

        var settings = hub.Settings;
        var invitation = SendingHours.NextAllowed(now, hub.TimeZoneId, settings.SendingHoursStart, settings.SendingHoursEnd);
        var messages = new List<OutboxMessage> { new(hub.Id, session.MemberId, MessageKind.AllianceInvitation, null, session.Id, invitation, now) };
        if (ReminderAt(invitedAt, expiresAt, settings, hub.TimeZoneId) is { } reminder && reminder > invitation)
        {
            messages.Add(new OutboxMessage(hub.Id, session.MemberId, MessageKind.AllianceReminder, null, session.Id, reminder, now));
        }

        return messages;
    }
}
