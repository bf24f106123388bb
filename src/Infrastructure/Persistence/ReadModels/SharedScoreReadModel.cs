using Microsoft.EntityFrameworkCore;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Sharing;
using Wellbeing.Domain.Submissions;

namespace Wellbeing.Infrastructure.Persistence.ReadModels;

/// <summary>
/// Keeps the <see cref="SharedScore"/> rows of every member whose grants or submissions a save adds, changes or
/// deletes equal to <see cref="SharedScores.Derive"/> over that member's grants and scores as they will be after the
/// save, in the same transaction. It runs inside the context's save, like the responder summaries, so every writer
/// (sharing, revoking, submitting, the seeder, imports, account deletion) keeps the list right without knowing of it.
/// </summary>
/// <remarks>
/// The member's <see cref="SharedScoreStamp"/> is read before the grants and scores and raised with the write, so a
/// save that derived from a state another transaction changed meanwhile fails its version check (the later UPDATE
/// waits for the earlier one's lock under READ COMMITTED, then matches no row) and <see cref="WellbeingDbContext"/>
/// derives again. A member deleted in the save is skipped: the database deletes its rows and stamp with it.
/// </remarks>
internal static class SharedScoreReadModel
{
    /// <summary>Derives and stages the rows of the members this save touches; false when it touches none.</summary>
    public static async Task<bool> StageAsync(WellbeingDbContext db, CancellationToken cancellationToken)
    {
        // What an earlier attempt of this context staged (refused by a stamp, or by any other failure the caller
        // retries) is derived again from scratch.
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is SharedScore or SharedScoreStamp).ToList())
        {
            entry.State = EntityState.Detached;
        }

        var deletedMembers = db.ChangeTracker.Entries<Member>().Where(e => e.State == EntityState.Deleted).Select(e => e.Entity.Id).ToHashSet();
        var memberIds = db.ChangeTracker.Entries<ShareGrant>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).Select(e => e.Entity.MemberId)
            .Concat(db.ChangeTracker.Entries<Submission>().Where(e => e.State is EntityState.Added or EntityState.Deleted).Select(e => e.Entity.MemberId))
            .Where(id => !deletedMembers.Contains(id))
            .Distinct()
            .ToList();
        if (memberIds.Count == 0)
        {
            return false;
        }

        // The stamps first: whatever the reads below miss was committed after them, so it raised a stamp read here.
        var stamps = await db.SharedScoreStamps.AsTracking().Where(s => memberIds.Contains(s.MemberId)).ToDictionaryAsync(s => s.MemberId, cancellationToken);
        foreach (var memberId in memberIds)
        {
            if (!stamps.TryGetValue(memberId, out var stamp))
            {
                // A member's first derivation; two at once both insert, and the second save fails on the key.
                stamp = new SharedScoreStamp(memberId);
                db.SharedScoreStamps.Add(stamp);
            }

            stamp.Raise();
        }

        var grants = Overlay(
            await db.ShareGrants.AsNoTracking().Where(g => memberIds.Contains(g.MemberId)).ToListAsync(cancellationToken),
            db.ChangeTracker.Entries<ShareGrant>().Where(e => memberIds.Contains(e.Entity.MemberId)).Select(e => (e.Entity, e.State)),
            g => g.Id);
        var scores = Overlay(
            await db.Submissions.AsNoTracking().Where(s => memberIds.Contains(s.MemberId))
                .Select(s => new SubmittedScore(s.Id, s.MemberId, s.Measure, s.ProfessionalId, s.SubmittedAt, s.Score))
                .ToListAsync(cancellationToken),
            db.ChangeTracker.Entries<Submission>().Where(e => memberIds.Contains(e.Entity.MemberId)).Select(e => (SubmittedScore.Of(e.Entity), e.State)),
            s => s.SubmissionId);
        var derived = SharedScores.Derive(grants, scores).ToDictionary(s => (s.MemberId, s.ProfessionalId, s.Measure));

        foreach (var stored in await db.SharedScores.AsTracking().Where(s => memberIds.Contains(s.MemberId)).ToListAsync(cancellationToken))
        {
            if (derived.Remove((stored.MemberId, stored.ProfessionalId, stored.Measure), out var row))
            {
                stored.Take(row);
            }
            else
            {
                db.SharedScores.Remove(stored);
            }
        }

        db.SharedScores.AddRange(derived.Values);
        return true;
    }

    /// <summary>The stored rows with this save's changes applied: tracked ones replace or (deleted) remove their stored copy.</summary>
    private static List<T> Overlay<T>(List<T> stored, IEnumerable<(T Entity, EntityState State)> tracked, Func<T, Guid> id)
    {
        var rows = stored.ToDictionary(id);
        foreach (var (entity, state) in tracked)
        {
            if (state is EntityState.Deleted or EntityState.Detached)
            {
                rows.Remove(id(entity));
            }
            else
            {
                rows[id(entity)] = entity;
            }
        }

        return [.. rows.Values];
    }
}
