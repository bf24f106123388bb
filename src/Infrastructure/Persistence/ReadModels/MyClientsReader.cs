using Microsoft.EntityFrameworkCore;
using Wellbeing.Application.Professionals.Queries.GetMyClients;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Text;

namespace Wellbeing.Infrastructure.Persistence.ReadModels;

/// <summary>
/// One SQL query for the page, its count and each row's hub: the latest scores are correlated subqueries guarded by
/// the share grant, so nothing unshared ever leaves the database and the cost does not grow with the number of rows
/// shown.
/// </summary>
public sealed class MyClientsReader(WellbeingDbContext db) : IMyClientsReader
{
    public async Task<MyClientsSlice> ReadAsync(MyClientsFilter filter, CancellationToken cancellationToken)
    {
        // Only scalar parameters: a list of ids would make EF Core generate the SQL again on every request. The
        // professional comes from the account and their hubs are the memberships they have now, all in the same SQL.
        var userId = filter.UserId;
        var professionals = db.Professionals.Where(p => p.UserId == userId);
        var members = db.Members.AsNoTracking().Where(m =>
            m.DeactivatedAt == null
            && db.ClientConnections.Any(c => c.MemberId == m.Id && c.HubId == m.HubId && professionals.Any(p => p.Id == c.ProfessionalId))
            && professionals.Any(p => p.Hubs.Any(h => h.HubId == m.HubId)));
        if (filter.Search is not null)
        {
            // Folded text against folded text, compared by ordinal substring: the same answer on every provider.
            var folded = TextFolding.Fold(filter.Search);
            members = members.Where(m => m.SearchKey.Contains(folded));
        }

        // Page the ids in a subquery first: SQLite computes every output column before sorting, so projecting the
        // scores in the sorted query would run their subqueries for all matching clients, not for the page.
        // Ordered by the folded name, so "Élodie" sorts among the E's on every provider, as people read the list.
        var pageIds = members.OrderBy(m => m.SearchKey).ThenBy(m => m.DisplayName).ThenBy(m => m.Id).Skip(filter.Skip).Take(filter.Take).Select(m => m.Id);
        var rows = await db.Members.AsNoTracking()
            .Where(m => pageIds.Contains(m.Id))
            .Join(db.Hubs.AsNoTracking(), m => m.HubId, h => h.Id, (m, h) => new
            {
                m.Id,
                m.DisplayName,
                m.SearchKey,
                Hub = h,
                SharesWellbeing = db.ShareGrants.Any(g => g.MemberId == m.Id && g.Measure == Measure.Wellbeing && g.RevokedAt == null && professionals.Any(p => p.Id == g.ProfessionalId)),
                SharesAlliance = db.ShareGrants.Any(g => g.MemberId == m.Id && g.Measure == Measure.Alliance && g.RevokedAt == null && professionals.Any(p => p.Id == g.ProfessionalId)),
            })
            .OrderBy(m => m.SearchKey).ThenBy(m => m.DisplayName).ThenBy(m => m.Id)
            .Select(m => new
            {
                // The count rides along on every row (SQLite runs an uncorrelated subquery once), which saves the
                // list a round trip and a statement to prepare on every request.
                Total = members.Count(),
                Row = new MyClientScores(
                    m.Id,
                    m.DisplayName,
                    m.Hub,
                    m.SharesWellbeing
                        ? db.Submissions.Where(s => s.MemberId == m.Id && s.Measure == Measure.Wellbeing)
                            .OrderByDescending(s => s.SubmittedAt).Select(s => (decimal?)s.Score).FirstOrDefault()
                        : null,
                    m.SharesAlliance
                        ? db.Submissions.Where(s => s.MemberId == m.Id && s.Measure == Measure.Alliance && professionals.Any(p => p.Id == s.ProfessionalId))
                            .OrderByDescending(s => s.SubmittedAt).Select(s => (decimal?)s.Score).FirstOrDefault()
                        : null,
                    m.SharesAlliance
                        ? db.Submissions.Where(s => s.MemberId == m.Id && s.Measure == Measure.Alliance && professionals.Any(p => p.Id == s.ProfessionalId))
                            .OrderByDescending(s => s.SubmittedAt).Skip(1).Select(s => (decimal?)s.Score).FirstOrDefault()
                        : null),
            })
            .ToListAsync(cancellationToken);

        // No row: nobody matches, or the page is past the end, where only a count can say how many there are.
        var total = rows.Count > 0 ? rows[0].Total : filter.Skip == 0 ? 0 : await members.CountAsync(cancellationToken);
        return new MyClientsSlice(total, [.. rows.Select(r => r.Row)]);
    }
}
