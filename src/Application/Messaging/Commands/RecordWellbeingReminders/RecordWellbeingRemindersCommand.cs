using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Messaging;

namespace Wellbeing.Application.Messaging.Commands.RecordWellbeingReminders;

/// <summary>Records the Wellbeing Index reminder and follow-up of every member of every hub who is due now.</summary>
public sealed record RecordWellbeingRemindersCommand;

/// <summary>What one hub's run recorded; the job logs it (hub ids and counts only, never a person).</summary>
/// <param name="DueMembers">Members found due who want the reminders.</param>
/// <param name="Recorded">Messages written; fewer than two per due member when another run wrote them first.</param>
public sealed record WellbeingRemindersRecorded(Guid HubId, int DueMembers, int Recorded);

/// <summary>
/// Finds, hub by hub, the members whose Wellbeing Index is due (<see cref="WellbeingSchedule"/>) and who still want it
/// (<see cref="Domain.Members.Member.Wants"/>: active, with an account, not opted out), and records their reminder and
/// follow-up (<see cref="WellbeingReminders"/>) for the outbox job to send. Set-based: one read per hub returns only
/// the members not reminded since their latest index, and the messages are written in bulk, a message whose
/// <see cref="OutboxMessage.DeduplicationKey"/> exists being left alone, so running twice or concurrently records
/// each once and never fails on the other run's rows.
/// </summary>
public sealed class RecordWellbeingRemindersHandler(IRepository<Hub> hubs, IWellbeingReminderSource source, IOutboxWriter outbox, TimeProvider clock)
{
    public async Task<IReadOnlyList<WellbeingRemindersRecorded>> Handle(RecordWellbeingRemindersCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var results = new List<WellbeingRemindersRecorded>();
        foreach (var hub in await hubs.ListAsync(new AllHubsSpec(), cancellationToken))
        {
            var cadence = hub.Settings.ReminderCadenceDays;

            // A local calendar day is 23 to 25 hours long, so everyone due is among those whose latest index is a day
            // short of the cadence old; WellbeingSchedule then decides exactly.
            var candidates = await source.CandidatesAsync(hub.Id, now - TimeSpan.FromDays(cadence - 1), cancellationToken);
            var messages = new List<OutboxMessage>();
            var due = 0;
            foreach (var candidate in candidates)
            {
                var member = candidate.Member;
                var dueAt = WellbeingSchedule.DueAt(candidate.LatestSubmittedAt, member.EnrolledAt, cadence, hub.TimeZoneId);
                if (dueAt > now || !member.Wants(MessageKind.WellbeingReminder))
                {
                    continue;
                }

                due++;
                var dueOn = WellbeingSchedule.DueOn(candidate.LatestSubmittedAt, member.EnrolledAt, cadence, hub.TimeZoneId);
                messages.AddRange(WellbeingReminders.For(member.Id, dueOn, dueAt, hub, now));
            }

            results.Add(new WellbeingRemindersRecorded(hub.Id, due, await outbox.AddMissingAsync(messages, cancellationToken)));
        }

        return results;
    }
}
