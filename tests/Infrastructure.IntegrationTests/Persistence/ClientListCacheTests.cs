using Microsoft.EntityFrameworkCore;
using Wellbeing.Application.Professionals.Queries.GetMyClients;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Members.Imports;
using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Sessions;
using Wellbeing.Domain.Sharing;
using Wellbeing.Domain.Submissions;
using Wellbeing.Domain.Surveys;
using Wellbeing.Infrastructure.IntegrationTests.Databases;
using Wellbeing.Infrastructure.Persistence;
using Wellbeing.Infrastructure.Persistence.ReadModels;
using Wellbeing.Testing.Databases;

namespace Wellbeing.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// The clients list served from a node's cache (<see cref="CachedMyClientsReader"/>) against the list read with the
/// cache bypassed (<see cref="MyClientsReader"/>), after every save of random histories of everything a list shows, on
/// each engine: on SQLite the versions come from <see cref="ClientListVersionReader"/>'s own prepared statement, on
/// PostgreSQL from the query through the request's context.
/// </summary>
public abstract class ClientListCacheTests<TDatabase>(TDatabase database) : DatabaseTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    /// <summary>How many random histories a run tries: a server database costs more per save than a file.</summary>
    protected abstract int Histories { get; }

    /// <summary>Pages that overlap and a search, so a stale count, page or match would all show.</summary>
    private static readonly (string? Search, int Skip, int Take)[] Filters = [(null, 0, 25), (null, 0, 2), (null, 2, 2), ("CLIENT 1", 0, 25), ("é", 0, 25)];

    [Fact]
    public async Task RandomHistories_ServeTheCachedListEqualToTheListReadWithoutCache()
    {
        // Fixed seeds replay; the fresh one looks further on every run and is named on failure.
        var fresh = Random.Shared.Next();
        foreach (var seed in Enumerable.Range(1, Histories).Concat([fresh]))
        {
            await new History(Database, seed).RunAsync();
        }
    }

    /// <summary>
    /// Two hubs, five clients and three professionals (one in each hub, one in both); 30 saves, each one change: a share,
    /// a revocation, a Wellbeing Index, an alliance rating, a rename, a deactivation, a reactivation, a connection, a
    /// disconnection, a hub's name or settings, a professional joining or leaving a hub, a client deleted. After each
    /// save every professional's lists (several pages and searches) are read through one cache and without it.
    /// </summary>
    private sealed class History(TDatabase database, int seed)
    {
        private readonly Random _random = new(seed);
        private readonly Survey _wellbeing = TestData.WellbeingSurvey();
        private readonly Survey _alliance = TestData.AllianceSurvey();
        private readonly List<Hub> _hubs = [TestData.Hub(), TestData.Hub()];
        private readonly List<Guid> _members = [];
        private readonly List<(Guid Id, string UserId)> _professionals = [];
        private readonly ClientListCache _cache = new();
        private readonly ClientListVersionReader _versions = new();
        private int _sessions;

        public async Task RunAsync()
        {
            using var cache = _cache;
            using var versions = _versions;
            await using (var setup = database.CreateContext())
            {
                setup.AddRange(_hubs);
                var members = new List<Member>();
                foreach (var (name, hub) in new[] { ("Client 1", 0), ("Client 2", 0), ("Élodie Client 3", 0), ("Client 4", 1), ("Client 10", 1) })
                {
                    var member = TestData.Member(_hubs[hub], name);
                    members.Add(member);
                    _members.Add(member.Id);
                }

                foreach (var hubs in new[] { new[] { 0 }, [0, 1], [1] })
                {
                    var professional = TestData.Professional();
                    var userId = Guid.NewGuid().ToString();
                    professional.LinkAccount(userId);
                    foreach (var hub in hubs)
                    {
                        professional.JoinHub(_hubs[hub].Id, TestData.Start);
                    }

                    setup.Add(professional);
                    _professionals.Add((professional.Id, userId));

                    // Every client of the professional's hubs to begin with, so that most changes show in a list.
                    setup.AddRange(members.Where(m => professional.BelongsTo(m.HubId)).Select(m => new ClientConnection(m.HubId, m.Id, professional.Id, TestData.Start)));
                }

                setup.AddRange(members);
                await setup.SaveChangesAsync();
            }

            var done = new List<string>();
            for (var save = 1; save <= 30; save++)
            {
                await using (var context = database.CreateContext())
                {
                    done.Add(await ChangeAsync(context));
                    await context.SaveChangesAsync();
                }

                foreach (var (_, userId) in _professionals)
                {
                    await AssertVersionsAsRead(userId, $"History {seed}, save {save}");
                    foreach (var (search, skip, take) in Filters)
                    {
                        var filter = new MyClientsFilter(userId, search, skip, take);
                        var (cached, uncached) = await ReadBothAsync(filter);
                        Assert.True(
                            cached == uncached,
                            $"History {seed}, save {save} ({string.Join(", ", done)}), {filter}: cached [{cached}], without cache [{uncached}]");
                    }
                }
            }
        }

        // The versions that key the cache are the ones in the database: stale ones would serve an old list (the
        // comparison below), missing ones would quietly bypass the cache.
        private async Task AssertVersionsAsRead(string userId, string at)
        {
            await using var context = database.CreateContext();
            var read = await _versions.ReadAsync(context, userId, CancellationToken.None);
            var queried = await ClientListVersionReader.Query(context, userId).ToListAsync();
            Assert.True(read.SequenceEqual(queried), $"{at}: versions read [{string.Join(", ", read)}], queried [{string.Join(", ", queried)}]");
            Assert.All(read, v => Assert.NotNull(v.Version));
        }

        private async Task<(string Cached, string Uncached)> ReadBothAsync(MyClientsFilter filter)
        {
            await using var first = database.CreateContext();
            var cached = await new CachedMyClientsReader(first, new MyClientsReader(first), _cache, _versions).ReadAsync(filter, CancellationToken.None);
            await using var second = database.CreateContext();
            var uncached = await new MyClientsReader(second).ReadAsync(filter, CancellationToken.None);
            return (Describe(cached), Describe(uncached));
        }

        private static string Describe(MyClientsSlice slice) =>
            $"{slice.TotalCount}: " + string.Join("; ", slice.Rows.Select(r =>
                $"{r.MemberId} {r.Name} {r.Hub.Name} k={r.Hub.Settings.K} poor<={r.Hub.Settings.PoorUpTo} {r.LatestWellbeing} {r.LatestAlliance} {r.PreviousAlliance}"));

        private async Task<string> ChangeAsync(WellbeingDbContext context)
        {
            var memberId = _members[_random.Next(_members.Count)];
            var member = await context.Members.AsTracking().SingleAsync(m => m.Id == memberId);
            var (professionalId, _) = _professionals[_random.Next(_professionals.Count)];
            var professional = await context.Professionals.AsTracking().SingleAsync(p => p.Id == professionalId);
            var hubId = _hubs[_random.Next(_hubs.Count)].Id;
            var hub = await context.Hubs.AsTracking().SingleAsync(h => h.Id == hubId);
            var measure = _random.Next(2) == 0 ? Measure.Wellbeing : Measure.Alliance;
            var at = TestData.Start.AddDays(_random.Next(30));
            switch (_random.Next(13))
            {
                case 0 or 1:
                    context.Add(new ShareGrant(member.HubId, member.Id, professional.Id, measure, at));
                    return $"share {measure}";
                case 2:
                    var active = await context.ShareGrants.AsTracking().Where(g => g.MemberId == member.Id && g.RevokedAt == null).ToListAsync();
                    if (active.Count > 0)
                    {
                        active[_random.Next(active.Count)].Revoke(at);
                    }

                    return "revoke";
                case 3:
                    var score = _random.Next(6);
                    context.Add(Submission.ForWellbeing(member.HubId, member.Id, _wellbeing, TestData.Answers(score, score, 5 - score), at));
                    return "wellbeing";
                case 4:
                    var session = new CareSession(member.HubId, member.Id, professional.Id, at.AddHours(-2), sequenceNumber: ++_sessions);
                    session.End(at.AddHours(-1), hub.Settings, hub.TimeZoneId);
                    context.Add(session);
                    context.Add(Submission.ForAlliance(member.HubId, member.Id, _alliance, _alliance.Items.ToDictionary(i => i.Id, _ => (int?)_random.Next(1, 8)), at, professional.Id, session.Id));
                    return "alliance";
                case 5:
                    member.Correct(MemberDetails.Of($"Client {_random.Next(20)}", member.Email, member.Department));
                    return $"rename to {member.DisplayName}";
                case 6:
                    member.Deactivate(at);
                    return "deactivate";
                case 7:
                    member.Reactivate();
                    return "reactivate";
                case 8:
                    if (professional.BelongsTo(member.HubId)
                        && !await context.ClientConnections.AnyAsync(c => c.MemberId == member.Id && c.ProfessionalId == professional.Id))
                    {
                        context.Add(new ClientConnection(member.HubId, member.Id, professional.Id, at));
                    }

                    return "connect";
                case 9:
                    context.RemoveRange(await context.ClientConnections.AsTracking().Where(c => c.MemberId == member.Id && c.ProfessionalId == professional.Id).ToListAsync());
                    return "disconnect";
                case 10:
                    // Apart: the settings are owned by the hub, so changing them alone leaves the hub's own entry unchanged.
                    if (_random.Next(2) == 0)
                    {
                        hub.ChangeSettings(hub.Settings.WithPrivacy(k: _random.Next(3, 8), kDistribution: 10));
                        return $"hub settings k={hub.Settings.K}";
                    }

                    hub.Describe($"Hub {_random.Next(100)}", hub.Organisation, hub.Slug, hub.TimeZoneId);
                    return $"hub name {hub.Name}";
                case 11:
                    if (professional.BelongsTo(hub.Id))
                    {
                        // Leaving takes disconnecting first, as the people pages do.
                        context.RemoveRange(await context.ClientConnections.AsTracking().Where(c => c.HubId == hub.Id && c.ProfessionalId == professional.Id).ToListAsync());
                        professional.LeaveHub(hub.Id, clientsInHub: 0);
                        return "leave a hub";
                    }

                    professional.JoinHub(hub.Id, at);
                    return "join a hub";
                default:
                    if (_members.Count == 1)
                    {
                        return "keep the last client";
                    }

                    // Account deletion: everything of the client goes with them.
                    context.RemoveRange(await context.Submissions.AsTracking().AsSplitQuery().Where(s => s.MemberId == member.Id).ToListAsync());
                    context.RemoveRange(await context.ShareGrants.AsTracking().Where(g => g.MemberId == member.Id).ToListAsync());
                    context.RemoveRange(await context.CareSessions.AsTracking().Where(s => s.MemberId == member.Id).ToListAsync());
                    context.RemoveRange(await context.ClientConnections.AsTracking().Where(c => c.MemberId == member.Id).ToListAsync());
                    context.Remove(member);
                    _members.Remove(member.Id);
                    return "delete a client";
            }
        }
    }
}

public sealed class SqliteClientListCacheTests(SqliteTestDatabase database)
    : ClientListCacheTests<SqliteTestDatabase>(database), IClassFixture<SqliteTestDatabase>
{
    protected override int Histories => 6;
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresClientListCacheTests(PostgresCluster cluster)
    : ClientListCacheTests<PostgresTestDatabase>(new PostgresTestDatabase(cluster))
{
    protected override int Histories => 3;
}
