using Microsoft.EntityFrameworkCore;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Submissions;
using Wellbeing.Infrastructure.Statistics;
using Wellbeing.Infrastructure.IntegrationTests.Databases;
using Wellbeing.Infrastructure.IntegrationTests.Persistence;
using Wellbeing.Testing.Databases;

namespace Wellbeing.Infrastructure.IntegrationTests.Statistics;

/// <summary>The per-member first scores that period trends start from, as the context keeps them on each engine.</summary>
public abstract class ResponderSummaryTests<TDatabase>(TDatabase database) : DatabaseTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private static readonly DateTimeOffset Start = TestData.Start;

    [Fact]
    public async Task DeletingTheMember_DeletesTheSummary()
    {
        var hub = TestData.Hub();
        var member = TestData.Member(hub);
        var stays = TestData.Member(hub, "Stays");
        await SaveAsync([hub, member, stays, Wellbeing(member, Start, score: 3), Wellbeing(stays, Start, score: 3)]);

        await using (var context = Database.CreateContext())
        {
            context.RemoveRange(await context.Submissions.AsTracking().AsSplitQuery().Where(s => s.MemberId == member.Id).ToListAsync());
            context.Remove(await context.Members.AsTracking().SingleAsync(m => m.Id == member.Id));
            await context.SaveChangesAsync();
        }

        Assert.Equal([stays.Id], (await SummariesAsync(hub)).Select(r => r.MemberId));
    }

    [Fact]
    public async Task TwoEarlierSubmissions_SavedAtOnce_ConflictInsteadOfBothClaimingToBeFirst()
    {
        var hub = TestData.Hub();
        var member = TestData.Member(hub);
        await SaveAsync([hub, member, Wellbeing(member, Start.AddDays(5), score: 5)]);

        // The late save read the summary before the other one moved the first score earlier than its own answer.
        await using var late = Database.CreateContext();
        await late.ResponderSummaries.AsTracking().SingleAsync(r => r.MemberId == member.Id);
        var first = Wellbeing(member, Start.AddDays(1), score: 2);
        await SaveAsync([first]);
        late.Add(Wellbeing(member, Start.AddDays(3), score: 3));

        await Assert.ThrowsAsync<ConflictException>(() => ((IUnitOfWork)late).SaveChangesAsync());
        Assert.Equal((first.SubmittedAt, first.Score), (await SummariesAsync(hub)).Select(r => (r.FirstAt, r.FirstScore)).Single());
    }

    [Fact]
    public async Task LaterSubmission_LeavesTheFirstScore_AndAnEarlierOneReplacesIt()
    {
        var hub = TestData.Hub();
        var member = TestData.Member(hub);
        var first = Wellbeing(member, Start, score: 2);
        await SaveAsync([hub, member, first]);
        await SaveAsync([Wellbeing(member, Start.AddDays(14), score: 5)]);
        Assert.Equal((first.SubmittedAt, first.Score), (await SummariesAsync(hub)).Select(r => (r.FirstAt, r.FirstScore)).Single());

        var earlier = Wellbeing(member, Start.AddDays(-14), score: 1);
        await SaveAsync([earlier]);
        Assert.Equal((earlier.SubmittedAt, earlier.Score), (await SummariesAsync(hub)).Select(r => (r.FirstAt, r.FirstScore)).Single());
    }

    [Fact]
    public async Task WellbeingSubmission_DeletedWithoutItsMember_IsRefused()
    {
        var hub = TestData.Hub();
        var member = TestData.Member(hub);
        var submission = Wellbeing(member, Start, score: 4);
        await SaveAsync([hub, member, submission]);

        await using var context = Database.CreateContext();
        context.Remove(await context.Submissions.AsTracking().AsSplitQuery().SingleAsync(s => s.Id == submission.Id));

        await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());
    }

    [Fact]
    public async Task MembersSubmissions_StayInTheHubOfTheirSummary()
    {
        var hub = TestData.Hub();
        var other = TestData.Hub();
        var member = TestData.Member(hub);
        await SaveAsync([hub, other, member, Wellbeing(member, Start, score: 4)]);

        await using var context = Database.CreateContext();
        context.Add(Submission.ForWellbeing(other.Id, member.Id, TestData.WellbeingSurvey(), TestData.Answers(1, 1, 1), Start.AddDays(1)));

        await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());
        Assert.Equal(Start, (await SummariesAsync(hub)).Single().FirstAt);
    }

    [Fact]
    public async Task SavingSynchronously_IsRefused()
    {
        var hub = TestData.Hub();
        await using var context = Database.CreateContext();
        context.Add(hub);

        Assert.Throws<NotSupportedException>(() => context.SaveChanges());
        await context.SaveChangesAsync();
    }

    /// <summary>Answers all equal to <paramref name="score"/>, so scores differ between submissions.</summary>
    private static Submission Wellbeing(Member member, DateTimeOffset at, int score) =>
        Submission.ForWellbeing(member.HubId, member.Id, TestData.WellbeingSurvey(), TestData.Answers(score, score, score), at);

    private async Task SaveAsync(object[] entities)
    {
        await using var context = Database.CreateContext();
        context.AddRange(entities);
        await context.SaveChangesAsync();
    }

    private async Task<List<(Guid MemberId, DateTimeOffset FirstAt, decimal FirstScore)>> SummariesAsync(Hub hub)
    {
        await using var context = Database.CreateContext();
        var rows = await context.ResponderSummaries.Where(r => r.HubId == hub.Id).ToListAsync();
        return rows.Select(r => (r.MemberId, r.FirstAt, r.FirstScore)).OrderBy(r => r.MemberId).ToList();
    }
}

public sealed class SqliteResponderSummaryTests(SqliteTestDatabase database)
    : ResponderSummaryTests<SqliteTestDatabase>(database), IClassFixture<SqliteTestDatabase>;

/// <summary>On the assembly's throwaway PostgreSQL cluster; each test gets a freshly migrated database of its own.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresResponderSummaryTests(PostgresCluster cluster)
    : ResponderSummaryTests<PostgresTestDatabase>(new PostgresTestDatabase(cluster));
