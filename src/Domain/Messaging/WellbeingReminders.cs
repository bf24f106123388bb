using Wellbeing.Domain.Common;
using Wellbeing.Domain.Hubs;

namespace Wellbeing.Domain.Messaging;

/// <summary>
/// The two e-mails about one due Wellbeing Index (issue #13): a reminder once the index is due and one follow-up the
/// hub's <see cref="HubSettings.WellbeingFollowUpDays"/> later, both inside the hub's sending hours. Whether the
/// follow-up is still wanted (the index answered meanwhile) is decided when it is sent, not here.
/// </summary>
public static class WellbeingReminders
{
    /// <summary>
    /// The reminder and its follow-up for a member whose index fell due at <paramref name="dueAt"/> (UTC,
    /// <see cref="WellbeingSchedule.DueAt"/>) and is recorded at <paramref name="now"/> (UTC). The reminder goes at the
    /// due instant, or now when that has passed (a member overdue for months gets one reminder today, not a reminder
    /// and an immediate follow-up), moved into the sending hours (<see cref="SendingHours.NextAllowed"/>); the follow-up
    /// the hub's follow-up days after it, counted in local calendar days, moved into the sending hours too.
    /// </summary>
    /// <returns>The reminder and the follow-up, both naming the local due date <paramref name="dueOn"/>.</returns>
    public static IReadOnlyList<OutboxMessage> For(Guid memberId, DateOnly dueOn, DateTimeOffset dueAt, Hub hub, DateTimeOffset now)
    {
        var settings = hub.Settings;
        var reminder = SendingHours.NextAllowed(dueAt > now ? dueAt : now, hub.TimeZoneId, settings.SendingHoursStart, settings.SendingHoursEnd);
        var followUp = SendingHours.NextAllowed(
            LocalCalendar.AddDays(reminder, settings.WellbeingFollowUpDays, hub.TimeZoneId), hub.TimeZoneId, settings.SendingHoursStart, settings.SendingHoursEnd);
        return
        [
            new OutboxMessage(hub.Id, memberId, MessageKind.WellbeingReminder, dueOn, null, reminder, now),
            new OutboxMessage(hub.Id, memberId, MessageKind.WellbeingFollowUp, dueOn, null, followUp, now),
        ];
    }
}
