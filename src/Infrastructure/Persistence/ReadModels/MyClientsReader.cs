using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using LinqKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Wellbeing.Application.Professionals.Queries.GetMyClients;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Text;

namespace Wellbeing.Infrastructure.Persistence.ReadModels;

/// <summary>
/// One SQL query for the page with each row's hub, and a count only when the page is full: the latest scores are
/// correlated subqueries guarded by the share grant, so nothing unshared ever leaves the database and the cost does not
/// grow with the number of rows shown. Both queries are compiled once per model (EF Core's compiled queries), so a
/// request neither walks nor hashes an expression tree to find its SQL (docs/performance.md, "Clients list under load").
/// </summary>
public sealed class MyClientsReader(WellbeingDbContext db) : IMyClientsReader
{
    // The professional's clients, matched by a search already folded (null for everyone). It starts from the
    // connections of the account's professional (the index on ProfessionalId), so it reads only their clients whatever
    // the size of the hub, and keeps each row's connection, whose professional the grants and ratings are matched to.
    private static readonly Expression<Func<WellbeingDbContext, string, string?, IQueryable<Client>>> ClientsOf = (db, userId, search) =>
        db.ClientConnections
            .Where(c => db.Professionals.Where(p => p.UserId == userId).Select(p => p.Id).Contains(c.ProfessionalId)
                && db.Professionals.Any(p => p.Id == c.ProfessionalId && p.Hubs.Any(h => h.HubId == c.HubId)))
            .Join(
                // Folded text against folded text, compared by ordinal substring: the same answer on every provider.
                db.Members.Where(m => m.DeactivatedAt == null && (search == null || m.SearchKey.Contains(search))),
                c => new { c.MemberId, c.HubId },
                m => new { MemberId = m.Id, m.HubId },
                (c, m) => new Client { Connection = c, Member = m });

    private static readonly Expression<Func<WellbeingDbContext, string, string?, int, int, IQueryable<MyClientScores>>> PageOf = (db, userId, search, skip, take) =>
        db.ClientConnections
            // Page the connections in a subquery first: SQLite computes every output column before sorting, so
            // projecting the scores in the sorted query would run their subqueries for all matching clients, not for
            // the page. Ordered by the folded name, so "Élodie" sorts among the E's on every provider.
            .Where(c => ClientsOf.Invoke(db, userId, search)
                .OrderBy(x => x.Member.SearchKey).ThenBy(x => x.Member.DisplayName).ThenBy(x => x.Member.Id)
                .Skip(skip).Take(take)
                .Select(x => x.Connection.Id)
                .Contains(c.Id))
            .Join(db.Members, c => c.MemberId, m => m.Id, (c, m) => new Client { Connection = c, Member = m })
            .Join(db.Hubs, x => x.Member.HubId, h => h.Id, (x, h) => new
            {
                x.Member,
                Hub = h,
                SharesWellbeing = db.ShareGrants.Any(g =>
                    g.MemberId == x.Connection.MemberId && g.ProfessionalId == x.Connection.ProfessionalId && g.Measure == Measure.Wellbeing && g.RevokedAt == null),
                SharesAlliance = db.ShareGrants.Any(g =>
                    g.MemberId == x.Connection.MemberId && g.ProfessionalId == x.Connection.ProfessionalId && g.Measure == Measure.Alliance && g.RevokedAt == null),
                Alliance = db.Submissions.Where(s =>
                    s.MemberId == x.Connection.MemberId && s.Measure == Measure.Alliance && s.ProfessionalId == x.Connection.ProfessionalId),
            })
            .OrderBy(x => x.Member.SearchKey).ThenBy(x => x.Member.DisplayName).ThenBy(x => x.Member.Id)
            .Select(x => new MyClientScores(
                x.Member.Id,
                x.Member.DisplayName,
                x.Hub,
                x.SharesWellbeing
                    ? db.Submissions.Where(s => s.MemberId == x.Member.Id && s.Measure == Measure.Wellbeing)
                        .OrderByDescending(s => s.SubmittedAt).Select(s => (decimal?)s.Score).FirstOrDefault()
                    : null,
                x.SharesAlliance ? x.Alliance.OrderByDescending(s => s.SubmittedAt).Select(s => (decimal?)s.Score).FirstOrDefault() : null,
                x.SharesAlliance ? x.Alliance.OrderByDescending(s => s.SubmittedAt).Skip(1).Select(s => (decimal?)s.Score).FirstOrDefault() : null))
            .AsNoTracking();

    private static readonly Expression<Func<WellbeingDbContext, string, string?, CancellationToken, int>> CountOf = (db, userId, search, _) =>
        ClientsOf.Invoke(db, userId, search).Count();

    // A compiled query belongs to the model it was first run with; each provider (and each test host) has its own.
    private static readonly ConditionalWeakTable<IModel, Compiled> Queries = [];

    public async Task<MyClientsSlice> ReadAsync(MyClientsFilter filter, CancellationToken cancellationToken)
    {
        var queries = Queries.GetValue(db.Model, _ => new Compiled(
            EF.CompileAsyncQuery(PageOf.Expand()),
            EF.CompileAsyncQuery(CountOf.Expand())));
        var search = filter.Search is null ? null : TextFolding.Fold(filter.Search);
        var rows = await queries.Page(db, filter.UserId, search, filter.Skip, filter.Take).ToListAsync(cancellationToken);

        // A page that is not full is the last one, so it tells how many there are; only a full page, or one past the
        // end, needs the count. Counting inside the page's statement would make SQLite prepare the whole filter twice
        // on every request.
        var total = rows.Count > 0 && rows.Count < filter.Take
            ? filter.Skip + rows.Count
            : await queries.Count(db, filter.UserId, search, cancellationToken);
        return new MyClientsSlice(total, rows);
    }

    private sealed class Client
    {
        public required ClientConnection Connection { get; init; }
        public required Member Member { get; init; }
    }

    private sealed record Compiled(
        Func<WellbeingDbContext, string, string?, int, int, IAsyncEnumerable<MyClientScores>> Page,
        Func<WellbeingDbContext, string, string?, CancellationToken, Task<int>> Count);
}
