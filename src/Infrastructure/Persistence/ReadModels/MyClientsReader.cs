using Microsoft.EntityFrameworkCore;
using Wellbeing.Application.Professionals.Queries.GetMyClients;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Text;

namespace Wellbeing.Infrastructure.Persistence.ReadModels;

/// <summary>
/// One SQL query for the count and one for the page: the latest scores are correlated subqueries guarded by the share
/// grant, so nothing unshared ever leaves the database and the cost does not grow with the number of rows shown.
/// </summary>
public sealed class MyClientsReader(WellbeingDbContext db) : IMyClientsReader
{
    public async Task<MyClientsSlice> ReadAsync(MyClientsFilter filter, CancellationToken cancellationToken)
    {
        var professionalId = filter.ProfessionalId;
        var hubIds = filter.HubIds;
        var members = db.Members.AsNoTracking().Where(m =>
            m.DeactivatedAt == null
            && hubIds.Contains(m.HubId)
            && db.ClientConnections.Any(c => c.MemberId == m.Id && c.ProfessionalId == professionalId && hubIds.Contains(c.HubId)));
        if (filter.Search is not null)
        {
            // Folded text against folded text, compared by ordinal substring: the same answer on every provider.
            var folded = TextFolding.Fold(filter.Search);
            members = members.Where(m => m.SearchKey.Contains(folded));
        }

        var total = await members.CountAsync(cancellationToken);

        // Page the ids in a subquery first: SQLite computes every output column before sorting, so projecting the
        // scores in the sorted query would run their subqueries for all matching clients, not for the page.
        var pageIds = members.OrderBy(m => m.DisplayName).ThenBy(m => m.Id).Skip(filter.Skip).Take(filter.Take).Select(m => m.Id);
        var rows = await db.Members.AsNoTracking()
            .Where(m => pageIds.Contains(m.Id))
            .OrderBy(m => m.DisplayName).ThenBy(m => m.Id)
            .Select(m => new
            {
                m.Id,
                m.DisplayName,
                m.HubId,
                SharesWellbeing = db.ShareGrants.Any(g => g.MemberId == m.Id && g.ProfessionalId == professionalId && g.Measure == Measure.Wellbeing && g.RevokedAt == null),
                SharesAlliance = db.ShareGrants.Any(g => g.MemberId == m.Id && g.ProfessionalId == professionalId && g.Measure == Measure.Alliance && g.RevokedAt == null),
            })
            .Select(m => new MyClientScores(
                m.Id,
                m.DisplayName,
                m.HubId,
                m.SharesWellbeing
                    ? db.Submissions.Where(s => s.MemberId == m.Id && s.Measure == Measure.Wellbeing)
                        .OrderByDescending(s => s.SubmittedAt).Select(s => (decimal?)s.Score).FirstOrDefault()
                    : null,
                m.SharesAlliance
                    ? db.Submissions.Where(s => s.MemberId == m.Id && s.Measure == Measure.Alliance && s.ProfessionalId == professionalId)
                        .OrderByDescending(s => s.SubmittedAt).Select(s => (decimal?)s.Score).FirstOrDefault()
                    : null,
                m.SharesAlliance
                    ? db.Submissions.Where(s => s.MemberId == m.Id && s.Measure == Measure.Alliance && s.ProfessionalId == professionalId)
                        .OrderByDescending(s => s.SubmittedAt).Skip(1).Select(s => (decimal?)s.Score).FirstOrDefault()
                    : null))
            .ToListAsync(cancellationToken);
        return new MyClientsSlice(total, rows);
    }
}
