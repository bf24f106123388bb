using Microsoft.EntityFrameworkCore;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Submissions;
using Wellbeing.Infrastructure.Persistence;

namespace Wellbeing.Infrastructure.Statistics;

/// <summary>
/// Keeps <see cref="ResponderSummary"/> rows in step with the Wellbeing Index submissions a save adds. It runs inside
/// the context's save rather than in one use case, so every writer (the client's submit, the demo seeder, tests,
/// partner imports) keeps the summaries right without having to remember them.
/// </summary>
internal static class ResponderSummaries
{
    public static async Task RecordAddedSubmissionsAsync(WellbeingDbContext db, CancellationToken cancellationToken)
    {
        RefuseDeletionWithoutTheMember(db);
        var added = db.ChangeTracker.Entries<Submission>()
            .Where(e => e.State == EntityState.Added && e.Entity.Measure == Measure.Wellbeing)
            .Select(e => e.Entity)
            .ToList();
        if (added.Count == 0)
        {
            return;
        }

        var memberIds = added.Select(s => s.MemberId).Distinct().ToList();
        var summaries = await db.ResponderSummaries.AsTracking()
            .Where(r => memberIds.Contains(r.MemberId))
            .ToDictionaryAsync(r => r.MemberId, cancellationToken);
        foreach (var submission in added)
        {
            if (!summaries.TryGetValue(submission.MemberId, out var summary))
            {
                summary = new ResponderSummary(submission.MemberId, submission.HubId);
                summaries.Add(submission.MemberId, summary);
                db.ResponderSummaries.Add(summary);
            }
            else if (summary.HubId != submission.HubId)
            {
                // A member answers in their own hub only; a summary in another hub would be another hub's history.
                throw new InvalidOperationException("A member's Wellbeing Index submissions all belong to the member's hub.");
            }

            summary.Record(submission.SubmittedAt, submission.Score);
        }
    }

    /// <summary>
    /// Submissions are only ever deleted with their member (account deletion), whose summary the database deletes by
    /// cascade. Deleting one on its own could leave its score as the first one, so it is refused until that is handled.
    /// </summary>
    private static void RefuseDeletionWithoutTheMember(WellbeingDbContext db)
    {
        var deletedMembers = db.ChangeTracker.Entries<Member>().Where(e => e.State == EntityState.Deleted).Select(e => e.Entity.Id).ToHashSet();
        if (db.ChangeTracker.Entries<Submission>().Any(e => e.State == EntityState.Deleted && e.Entity.Measure == Measure.Wellbeing && !deletedMembers.Contains(e.Entity.MemberId)))
        {
            throw new InvalidOperationException("A Wellbeing Index submission can only be deleted together with its member: its responder summary could keep the score.");
        }
    }
}
