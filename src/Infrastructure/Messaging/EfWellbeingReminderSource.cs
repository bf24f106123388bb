using Microsoft.EntityFrameworkCore;
using Wellbeing.Application.Messaging.Commands.RecordWellbeingReminders;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Messaging;
using Wellbeing.Infrastructure.Persistence;

namespace Wellbeing.Infrastructure.Messaging;

/// <summary>
/// One query per hub: each member with the latest of their Wellbeing Index submissions (the (MemberId, Measure,
/// SubmittedAt) index answers it per member), without those already reminded since then (the outbox's MemberId
/// index). Once a hub has been through a run, what leaves the database is only who fell due since.
/// </summary>
internal sealed class EfWellbeingReminderSource(WellbeingDbContext db) : IWellbeingReminderSource
{
    public async Task<IReadOnlyList<ReminderCandidate>> CandidatesAsync(Guid hubId, DateTimeOffset latestBefore, CancellationToken cancellationToken)
    {
        var candidates =
            from m in db.Members.AsNoTracking()
            where m.HubId == hubId
            let latest = db.Submissions.Where(s => s.MemberId == m.Id && s.Measure == Measure.Wellbeing).Max(s => (DateTimeOffset?)s.SubmittedAt)
            where latest == null || latest < latestBefore
            where !db.OutboxMessages.Any(o => o.MemberId == m.Id && o.Kind == MessageKind.WellbeingReminder && (latest == null || o.CreatedAt > latest))
            select new ReminderCandidate(m, latest);
        return await candidates.ToListAsync(cancellationToken);
    }
}
