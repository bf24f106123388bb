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
/// One SQL query for the page with each row's hub, and a count only when the page is full: the latest shared scores are
/// read from the <see cref="Domain.Sharing.SharedScore"/> read model by key, which holds a row only while its grant is
/// active (kept in the same transaction as grants and submissions), so nothing unshared ever leaves the database and
/// the cost does not grow with the number of rows shown or of submissions. Both queries are compiled once per model (EF Core's compiled queries), so a
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
            .Join(db.Hubs, x => x.Member.HubId, h => h.Id, (x, h) => new { x.Connection, x.Member, Hub = h })
            // The read model holds a row only while its grant is active, so a missing row is "not shared": two seeks by key.
            .LeftJoin(
                db.SharedScores.Where(s => s.Measure == Measure.Wellbeing),
                x => new { x.Connection.MemberId, x.Connection.ProfessionalId },
                s => new { s.MemberId, s.ProfessionalId },
                (x, wellbeing) => new { x.Connection, x.Member, x.Hub, Wellbeing = wellbeing })
            .LeftJoin(
                db.SharedScores.Where(s => s.Measure == Measure.Alliance),
                x => new { x.Connection.MemberId, x.Connection.ProfessionalId },
                s => new { s.MemberId, s.ProfessionalId },
                (x, alliance) => new { x.Member, x.Hub, x.Wellbeing, Alliance = alliance })
            .OrderBy(x => x.Member.SearchKey).ThenBy(x => x.Member.DisplayName).ThenBy(x => x.Member.Id)
            .Select(x => new MyClientScores(
                x.Member.Id,
                x.Member.DisplayName,
                x.Hub,
                x.Wellbeing == null ? null : x.Wellbeing.Latest,
                x.Alliance == null ? null : x.Alliance.Latest,
                x.Alliance == null ? null : x.Alliance.Previous))
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
