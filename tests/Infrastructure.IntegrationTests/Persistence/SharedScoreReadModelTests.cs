using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Wellbeing.Domain.Auditing;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Sessions;
using Wellbeing.Domain.Sharing;
using Wellbeing.Domain.Submissions;
using Wellbeing.Domain.Surveys;
using Wellbeing.Infrastructure.IntegrationTests.Databases;
using Wellbeing.Infrastructure.Persistence;
using Wellbeing.Testing.Databases;

namespace Wellbeing.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// The clients list's read model as the context keeps it on each engine: after any history of grants, revocations,
/// submissions and deletions it holds exactly what <see cref="SharedScores.Derive"/> gives from scratch.
/// </summary>
public abstract class SharedScoreReadModelTests<TDatabase>(TDatabase database) : DatabaseTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    /// <summary>How many random histories a run tries: a server database costs more per save than a file.</summary>
    protected abstract int Histories { get; }

    [Fact]
    public async Task RandomHistories_KeepTheReadModelEqualToTheDerivationFromScratch()
    {
        // Fixed seeds replay; the fresh ones look further on every run and are named on failure.
        var fresh = Random.Shared.Next();
        foreach (var seed in Enumerable.Range(1, Histories).Concat([fresh]))
        {
            await new History(Database, seed).RunAsync();
        }
    }

    /// <summary>
    /// A random hub of three clients and two professionals: twenty saves, each of one to three changes (share, revoke,
    /// share twice, answer the Wellbeing Index at random and sometimes equal times, rate a session, delete a rating,
    /// delete a client with everything of theirs), the read model compared with the derivation after every save.
    /// </summary>
    private sealed class History(TestDatabase database, int seed)
    {
        private readonly Random _random = new(seed);
        private readonly Survey _wellbeing = TestData.WellbeingSurvey();
        private readonly Survey _alliance = TestData.AllianceSurvey();
        private readonly Hub _hub = TestData.Hub();
        private readonly List<Guid> _members = [];
        private readonly List<Guid> _everyMember = [];
        private readonly List<Guid> _professionals = [];
        private int _sessions;

        public async Task RunAsync()
        {
            await using (var setup = database.CreateContext())
            {
                setup.Add(_hub);
                for (var i = 0; i < 3; i++)
                {
                    var member = TestData.Member(_hub, $"Client {i}");
                    setup.Add(member);
                    _members.Add(member.Id);
                }

                for (var i = 0; i < 2; i++)
                {
                    var professional = TestData.Professional();
                    professional.JoinHub(_hub.Id, TestData.Start);
                    setup.Add(professional);
                    _professionals.Add(professional.Id);
                }

                await setup.SaveChangesAsync();
            }

            _everyMember.AddRange(_members);
            for (var save = 1; save <= 20; save++)
            {
                var done = new List<string>();
                await using (var context = database.CreateContext())
                {
                    for (var change = _random.Next(1, 4); change > 0 && _members.Count > 0; change--)
                    {
                        done.Add(await ChangeAsync(context));
                    }

                    await context.SaveChangesAsync();
                }

                var (expected, actual) = await CompareAsync();
                Assert.True(expected.SequenceEqual(actual), $"History {seed}, save {save} ({string.Join(", ", done)}): expected [{string.Join("; ", expected)}], read model [{string.Join("; ", actual)}]");
            }
        }

        private async Task<string> ChangeAsync(WellbeingDbContext context)
        {
            var member = _members[_random.Next(_members.Count)];
            var professional = _professionals[_random.Next(_professionals.Count)];
            var measure = _random.Next(2) == 0 ? Measure.Wellbeing : Measure.Alliance;
            var at = TestData.Start.AddDays(_random.Next(30));
            switch (_random.Next(10))
            {
                case 0 or 1 or 2:
                    // Mostly a new grant; sometimes a second active one for the same measure, which must not double a row.
                    context.Add(new ShareGrant(_hub.Id, member, professional, measure, at));
                    return $"share {measure}";
                case 3 or 4:
                    var active = await context.ShareGrants.AsTracking().Where(g => g.MemberId == member && g.RevokedAt == null).ToListAsync();
                    if (active.Count > 0)
                    {
                        active[_random.Next(active.Count)].Revoke(at);
                    }

                    return "revoke";
                case 5 or 6:
                    var score = _random.Next(6);
                    context.Add(Submission.ForWellbeing(_hub.Id, member, _wellbeing, TestData.Answers(score, score, 5 - score), at));
                    return "wellbeing";
                case 7 or 8:
                    var session = new CareSession(_hub.Id, member, professional, at.AddHours(-2), sequenceNumber: ++_sessions);
                    session.End(at.AddHours(-1), _hub.Settings, _hub.TimeZoneId);
                    context.Add(session);
                    context.Add(Submission.ForAlliance(_hub.Id, member, _alliance, _alliance.Items.ToDictionary(i => i.Id, _ => (int?)_random.Next(1, 8)), at, professional, session.Id));
                    return "alliance";
                default:
                    // A client is deleted in a save of its own, as the account deletion is.
                    if (_random.Next(3) > 0 || context.ChangeTracker.HasChanges())
                    {
                        var ratings = await context.Submissions.AsTracking().AsSplitQuery().Where(s => s.MemberId == member && s.Measure == Measure.Alliance).ToListAsync();
                        if (ratings.Count > 0)
                        {
                            context.Remove(ratings[_random.Next(ratings.Count)]);
                        }

                        return "delete a rating";
                    }

                    // Account deletion, as DeleteMyAccountHandler does it.
                    context.RemoveRange(await context.Submissions.AsTracking().AsSplitQuery().Where(s => s.MemberId == member).ToListAsync());
                    context.RemoveRange(await context.ShareGrants.AsTracking().Where(g => g.MemberId == member).ToListAsync());
                    context.RemoveRange(await context.CareSessions.AsTracking().Where(s => s.MemberId == member).ToListAsync());
                    context.Remove(await context.Members.AsTracking().SingleAsync(m => m.Id == member));
                    _members.Remove(member);
                    return "delete a client";
            }
        }

        private async Task<(List<string> Expected, List<string> Actual)> CompareAsync()
        {
            await using var context = database.CreateContext();
            var grants = await context.ShareGrants.Where(g => g.HubId == _hub.Id).ToListAsync();
            var scores = await context.Submissions.Where(s => s.HubId == _hub.Id)
                .Select(s => new SubmittedScore(s.Id, s.MemberId, s.Measure, s.ProfessionalId, s.SubmittedAt, s.Score))
                .ToListAsync();
            var stored = await context.SharedScores.Where(s => _everyMember.Contains(s.MemberId)).ToListAsync();
            return (TestData.Describe(SharedScores.Derive(grants, scores)), TestData.Describe(stored));
        }
    }
}

public sealed class SqliteSharedScoreReadModelTests(SqliteTestDatabase database)
    : SharedScoreReadModelTests<SqliteTestDatabase>(database), IClassFixture<SqliteTestDatabase>
{
    protected override int Histories => 30;
}

/// <summary>
/// On the assembly's throwaway PostgreSQL cluster, with the race the read model must survive under READ COMMITTED: a
/// save that derived the shared scores from a state another save changes before it writes.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSharedScoreReadModelTests(PostgresCluster cluster)
    : SharedScoreReadModelTests<PostgresTestDatabase>(new PostgresTestDatabase(cluster))
{
    protected override int Histories => 10;

    [Fact]
    public async Task SubmissionSaved_WhileItsGrantIsRevoked_IsNotShown()
    {
        var (hub, member, professional) = await SeedAsync();
        var grant = new ShareGrant(hub.Id, member.Id, professional.Id, Measure.Wellbeing, TestData.Start);
        await SaveAsync(grant, Wellbeing(member, day: 1, score: 2));

        // The submission's save has read the active grant and is about to write its score when the revocation commits.
        var submission = Wellbeing(member, day: 2, score: 5);
        await using (var submitting = Database.CreateContext(new BeforeWriting(RevokeAsync)))
        {
            submitting.Add(submission);
            await submitting.SaveChangesAsync();
        }

        Assert.Empty(await SharedScoresAsync(member));
        await using var context = Database.CreateContext();
        Assert.True(await context.Submissions.AnyAsync(s => s.Id == submission.Id));

        async Task RevokeAsync()
        {
            await using var revoking = Database.CreateContext();
            (await revoking.ShareGrants.AsTracking().SingleAsync(g => g.Id == grant.Id)).Revoke(TestData.Start.AddDays(2));
            await revoking.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task SubmissionSaved_WhileAGrantIsGiven_IsShown()
    {
        var (hub, member, professional) = await SeedAsync();
        var first = Wellbeing(member, day: 1, score: 2);
        await SaveAsync(first);

        // The submission's save found no grant, so it derives no row; the grant's save, not seeing the new score, derives the old one.
        var latest = Wellbeing(member, day: 3, score: 5);
        await using (var submitting = Database.CreateContext(new BeforeWriting(() => SaveAsync(new ShareGrant(hub.Id, member.Id, professional.Id, Measure.Wellbeing, TestData.Start.AddDays(2))))))
        {
            submitting.Add(latest);
            await submitting.SaveChangesAsync();
        }

        var row = Assert.Single(await SharedScoresAsync(member));
        Assert.Equal((latest.Score, first.Score), (row.Latest, row.Previous));
    }

    [Fact]
    public async Task AuditedRevocation_ThatLosesTheRaceToASubmission_DerivesAgainInsideItsTransaction()
    {
        var (hub, member, professional) = await SeedAsync();
        var grant = new ShareGrant(hub.Id, member.Id, professional.Id, Measure.Wellbeing, TestData.Start);
        await SaveAsync(grant, Wellbeing(member, day: 1, score: 2));

        // The revocation carries its audit entry, so it saves in a transaction of its own; a submission commits between
        // its reads and its write, and the revocation must still end with nothing shown and its entry recorded.
        await using (var revoking = Database.CreateContext(new BeforeWriting(() => SaveAsync(Wellbeing(member, day: 2, score: 5)))))
        {
            (await revoking.ShareGrants.AsTracking().SingleAsync(g => g.Id == grant.Id)).Revoke(TestData.Start.AddDays(2));
            revoking.Add(new AuditEntry(TestData.Start.AddDays(2), null, null, hub.Id, AuditAction.ShareRevoked, grant.Id.ToString(), AuditOutcome.Succeeded, null));
            await revoking.SaveChangesAsync();
        }

        Assert.Empty(await SharedScoresAsync(member));
        await using var context = Database.CreateContext();
        Assert.Equal(2, await context.Submissions.CountAsync(s => s.MemberId == member.Id));
        Assert.True(await context.AuditEntries.AnyAsync(e => e.ObjectId == grant.Id.ToString()));
    }

    private async Task<(Hub Hub, Member Member, Professional Professional)> SeedAsync()
    {
        var hub = TestData.Hub();
        var member = TestData.Member(hub);
        var professional = TestData.Professional();
        await SaveAsync(hub, member, professional);
        return (hub, member, professional);
    }

    /// <summary>Answers all equal to <paramref name="score"/>, so scores differ between submissions.</summary>
    private static Submission Wellbeing(Member member, int day, int score) =>
        Submission.ForWellbeing(member.HubId, member.Id, TestData.WellbeingSurvey(), TestData.Answers(score, score, score), TestData.Start.AddDays(day));

    private async Task SaveAsync(params object[] entities)
    {
        await using var context = Database.CreateContext();
        context.AddRange(entities);
        await context.SaveChangesAsync();
    }

    private async Task<List<SharedScore>> SharedScoresAsync(Member member)
    {
        await using var context = Database.CreateContext();
        return await context.SharedScores.Where(s => s.MemberId == member.Id).ToListAsync();
    }

    /// <summary>Runs another save once, just before this context first writes a shared-score stamp: after its reads, before its version check.</summary>
    private sealed class BeforeWriting(Func<Task> otherSave) : DbCommandInterceptor
    {
        private bool _done;

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (!_done && command.CommandText.Contains("\"SharedScoreStamps\"", StringComparison.Ordinal) && !command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.Ordinal))
            {
                _done = true;
                await otherSave();
            }

            return result;
        }
    }
}
