using Wellbeing.Application.Aggregates.Commands.RefreshAggregates;
using Wellbeing.Domain.Aggregates;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Sessions;
using Wellbeing.Domain.Submissions;
using Wellbeing.Domain.Surveys;
using Wellbeing.Infrastructure.Aggregates;
using Wellbeing.Infrastructure.IntegrationTests.Databases;
using Wellbeing.Infrastructure.IntegrationTests.Persistence;
using Wellbeing.Testing.Databases;

namespace Wellbeing.Infrastructure.IntegrationTests.Aggregates;

/// <summary>
/// The refresh's reads against the plainest computation of the same figures in memory, on a hub where every
/// awkward case occurs: people without a department, deactivated people, people who never answered, answers before
/// the hub's first month and after the refresh's moment, and one answer of a person in several saves.
/// </summary>
public abstract class AggregateSourceTests<TDatabase>(TDatabase database) : DatabaseTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private static readonly DateTimeOffset AsOf = TestData.Start.AddDays(100);
    private static readonly string?[] Departments = ["Sales", "Ops", "Legal", null];

    [Fact]
    public async Task ReadAsync_gives_the_figures_counted_in_memory()
    {
        var hub = await SeedAsync();
        var months = ReportingMonth.Between(hub.Hub.CreatedAt, AsOf, hub.Hub.TimeZoneId);

        await using var context = Database.CreateContext();
        var actual = await new EfAggregateSource(context).ReadAsync(hub.Hub.Id, months, AsOf, CancellationToken.None);

        var expected = hub.Expected(months);
        Assert.Equal(expected.Enrolment.OrderBy(e => e.Department), actual.Enrolment.OrderBy(e => e.Department));
        Assert.Equal(expected.Months.OrderBy(m => m.Department).ThenBy(m => m.Period), actual.Months.OrderBy(m => m.Department).ThenBy(m => m.Period));
        Assert.Equal(Ordered(expected.Responders), Ordered(actual.Responders));
        Assert.Equal(expected.Alliance, actual.Alliance);
    }

    [Theory]
    [InlineData(null, new[] { 0, 2 })]
    [InlineData("Sales", new[] { 1, 3 })]
    [InlineData("Ops", new[] { 0, 1, 2, 3 })]
    [InlineData("Legal", new int[0])]
    public async Task CountWellbeingPeopleAsync_counts_each_person_once_over_the_given_months(string? department, int[] monthIndexes)
    {
        var hub = await SeedAsync();
        var months = ReportingMonth.Between(hub.Hub.CreatedAt, AsOf, hub.Hub.TimeZoneId);
        var included = monthIndexes.Select(i => months[i]).ToList();

        await using var context = Database.CreateContext();
        var people = await new EfAggregateSource(context).CountWellbeingPeopleAsync(hub.Hub.Id, department, included, AsOf, CancellationToken.None);

        Assert.Equal(hub.PeopleIn(department, included), people);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(40)]
    [InlineData(99)]
    public async Task CountNewPeopleAsync_counts_each_person_once_per_measure_and_in_all_with_departures(int? sinceDay)
    {
        var hub = await SeedAsync();
        DateTimeOffset? since = sinceDay is { } day ? TestData.Start.AddDays(day) : null;

        await using var context = Database.CreateContext();
        var actual = await new EfAggregateSource(context).CountNewPeopleAsync(hub.Hub.Id, since, AsOf, CancellationToken.None);

        Assert.Equal(hub.NewPeople(since), actual);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(40)]
    public async Task CountNewPeopleByDepartmentAsync_counts_new_respondents_and_departures_per_department(int sinceDay)
    {
        var hub = await SeedAsync();
        var since = TestData.Start.AddDays(sinceDay);

        await using var context = Database.CreateContext();
        var actual = await new EfAggregateSource(context).CountNewPeopleByDepartmentAsync(hub.Hub.Id, since, AsOf, CancellationToken.None);

        Assert.Equal(
            hub.NewWellbeingPeopleByDepartment(since).OrderBy(p => p.Key),
            actual.Select(p => (p.Key, p.People)).OrderBy(p => p.Key));
    }

    private static IEnumerable<ResponderFigures> Ordered(IEnumerable<ResponderFigures> responders) =>
        responders.OrderBy(r => r.Department).ThenBy(r => r.Submissions).ThenBy(r => r.FirstScore).ThenBy(r => r.LatestScore);

    /// <summary>A deterministic hub saved in three goes, so summaries are both created and updated by later saves.</summary>
    private async Task<SeededHub> SeedAsync()
    {
        var random = new Random(5);
        var hub = TestData.Hub();
        var professional = TestData.Professional();
        professional.JoinHub(hub.Id, hub.CreatedAt);
        var wellbeing = TestData.WellbeingSurvey();
        var alliance = AllianceSurvey();
        var members = new List<Member>();
        var sessions = new List<CareSession>();
        var submissions = new List<Submission>();
        for (var n = 0; n < 40; n++)
        {
            var member = new Member(hub.Id, $"Person {n}", $"{Guid.NewGuid():N}@example.org", hub.CreatedAt, Departments[n % Departments.Length]);
            if (n % 7 == 3)
            {
                member.Deactivate(AsOf.AddDays(-10));
            }

            members.Add(member);

            // From three weeks before the hub's first month to a few days after the refresh; distinct times per person.
            var count = n % 9 == 0 ? 0 : random.Next(1, 7);
            for (var i = 0; i < count; i++)
            {
                var at = hub.CreatedAt.AddDays(random.Next(-21, 105)).AddMinutes(i);
                submissions.Add(Submission.ForWellbeing(hub.Id, member.Id, wellbeing, TestData.Answers(random.Next(6), random.Next(6), random.Next(6)), at));
            }

            if (n % 5 == 1)
            {
                RateSession(member, AsOf.AddDays(-30 + n), random.Next(1, 8));
            }
        }

        // Someone who only rated a session, and someone whose Wellbeing Index answers all come after the refresh but
        // who rated a session before it.
        var rater = new Member(hub.Id, "Rater", $"{Guid.NewGuid():N}@example.org", hub.CreatedAt, "Ops");
        var late = new Member(hub.Id, "Late", $"{Guid.NewGuid():N}@example.org", hub.CreatedAt, "Sales");
        members.AddRange([rater, late]);
        RateSession(rater, AsOf.AddDays(-20), 6);
        RateSession(late, AsOf.AddDays(-3), 4);
        submissions.Add(Submission.ForWellbeing(hub.Id, late.Id, wellbeing, TestData.Answers(3, 3, 3), AsOf.AddDays(2)));

        // Members who deleted their accounts: before, inside and after the counting windows, with either measure.
        var departures = Enumerable.Range(0, 9)
            .Select(n => new Departure(hub.Id, Departments[n % Departments.Length], hub.CreatedAt.AddDays(n * 15 - 5), hadWellbeing: n % 3 != 2, hadAlliance: n % 3 != 0))
            .ToList();

        await SaveAsync([hub, professional, .. members, .. sessions, .. departures, .. NeighbouringHub(hub, wellbeing)]);
        var shuffled = submissions.OrderBy(_ => random.Next()).ToList();
        await SaveAsync([.. shuffled.Take(shuffled.Count / 2)]);
        await SaveAsync([.. shuffled.Skip(shuffled.Count / 2)]);

        var seeded = new SeededHub(hub, members, submissions, departures);
        Assert.True(seeded.HasEveryAwkwardCase(), "The generated hub no longer covers every case this test is about.");
        return seeded;

        void RateSession(Member member, DateTimeOffset at, int answer)
        {
            var session = new CareSession(hub.Id, member.Id, professional.Id, at, sequenceNumber: 1);
            session.End(session.ScheduledAt.AddHours(1), hub.Settings);
            sessions.Add(session);
            submissions.Add(Submission.ForAlliance(hub.Id, member.Id, alliance, alliance.Items.ToDictionary(item => item.Id, _ => (int?)answer), session.ScheduledAt.AddHours(2), professional.Id, session.Id));
        }
    }

    /// <summary>Another hub at the same times, whose people and departures no figure of the first hub may include.</summary>
    private static IEnumerable<object> NeighbouringHub(Hub hub, Survey wellbeing)
    {
        var neighbour = new Hub("Neighbour", "neighbour-" + Guid.NewGuid().ToString("N")[..8], hub.TimeZoneId, hub.CreatedAt);
        yield return neighbour;
        foreach (var department in Departments)
        {
            var member = new Member(neighbour.Id, "Neighbour", $"{Guid.NewGuid():N}@example.org", hub.CreatedAt, department);
            yield return member;
            yield return Submission.ForWellbeing(neighbour.Id, member.Id, wellbeing, TestData.Answers(2, 2, 2), hub.CreatedAt.AddDays(50));
        }

        yield return new Departure(neighbour.Id, "Sales", hub.CreatedAt.AddDays(50), hadWellbeing: true, hadAlliance: true);
    }

    private async Task SaveAsync(object[] entities)
    {
        await using var context = Database.CreateContext();
        context.AddRange(entities);
        await context.SaveChangesAsync();
    }

    private static Survey AllianceSurvey() => new(
        key: "test-alliance",
        version: 1,
        measure: Measure.Alliance,
        title: "Test alliance",
        instructions: "About today's session...",
        items: [new SurveyItem("a1", "Understood"), new SurveyItem("a2", "Agreed on goals")],
        options: Enumerable.Range(1, 7).Select(v => new AnswerOption(v, $"Option {v}")).ToList(),
        scoring: ScoringRule.Mean,
        subscales: [],
        bands: [],
        licence: new SurveyLicence("Test", "Written for these tests", null, null),
        isValidated: false,
        validityNote: "Test instrument");

    /// <summary>The figures as the refresh defines them, counted over the objects that were saved.</summary>
    private sealed record SeededHub(Hub Hub, IReadOnlyList<Member> Members, IReadOnlyList<Submission> Submissions, IReadOnlyList<Departure> Departures)
    {
        private IEnumerable<Submission> Wellbeing => Submissions.Where(s => s.Measure == Measure.Wellbeing);

        public HubStatistics Expected(IReadOnlyList<ReportingMonth> months)
        {
            var inWindow = Wellbeing.Where(s => s.SubmittedAt >= months[0].Start && s.SubmittedAt <= AsOf).ToList();
            var alliance = Submissions.Where(s => s.Measure == Measure.Alliance && s.SubmittedAt <= AsOf).ToList();
            return new HubStatistics(
                Members.Where(m => m.IsActive)
                    .GroupBy(m => m.Department)
                    .Select(g => new EnrolmentFigures(g.Key, g.Count(), g.Count(m => Wellbeing.Any(s => s.MemberId == m.Id && s.SubmittedAt <= AsOf))))
                    .ToList(),
                inWindow.GroupBy(s => (Department: DepartmentOf(s), Period: months.Single(m => s.SubmittedAt >= m.Start && s.SubmittedAt < m.End).Key))
                    .Select(g => new MonthFigures(g.Key.Department, g.Key.Period, g.Sum(s => s.Score), g.Count(), g.Select(s => s.MemberId).Distinct().Count()))
                    .ToList(),
                inWindow.GroupBy(s => s.MemberId)
                    .Select(g => new ResponderFigures(DepartmentOf(g.First()), g.Count(), g.MinBy(s => s.SubmittedAt)!.Score, g.MaxBy(s => s.SubmittedAt)!.Score))
                    .ToList(),
                new MeanFigures(alliance.Sum(s => s.Score), alliance.Count, alliance.Select(s => s.MemberId).Distinct().Count()));
        }

        public int PeopleIn(string? department, IReadOnlyList<ReportingMonth> months) =>
            Wellbeing.Where(s => (department is null || DepartmentOf(s) == department) && s.SubmittedAt <= AsOf && months.Any(m => s.SubmittedAt >= m.Start && s.SubmittedAt < m.End))
                .Select(s => s.MemberId)
                .Distinct()
                .Count();

        public NewPeople NewPeople(DateTimeOffset? since)
        {
            var submitted = Submissions.Where(s => (since is null || s.SubmittedAt > since) && s.SubmittedAt <= AsOf).ToList();
            var departed = DeparturesBetween(since).ToList();
            int Of(Measure measure) => submitted.Where(s => s.Measure == measure).Select(s => s.MemberId).Distinct().Count();
            return new NewPeople(
                Of(Measure.Wellbeing) + departed.Count(d => d.HadWellbeing),
                Of(Measure.Alliance) + departed.Count(d => d.HadAlliance),
                submitted.Select(s => s.MemberId).Distinct().Count());
        }

        public IEnumerable<(string? Key, int People)> NewWellbeingPeopleByDepartment(DateTimeOffset since) =>
            Wellbeing.Where(s => s.SubmittedAt > since && s.SubmittedAt <= AsOf)
                .DistinctBy(s => s.MemberId)
                .Select(DepartmentOf)
                .Concat(DeparturesBetween(since).Where(d => d.HadWellbeing).Select(d => d.Department))
                .GroupBy(department => department)
                .Select(g => (g.Key is null ? null : Segments.Department(g.Key), g.Count()));

        private IEnumerable<Departure> DeparturesBetween(DateTimeOffset? since) =>
            Departures.Where(d => (since is null || d.At > since) && d.At <= AsOf);

        /// <summary>
        /// Someone answered only before the first month, someone both before and within it, someone after the refresh;
        /// someone answered only the alliance survey, someone else only it by the refresh, someone rated a session after
        /// it; departures on both sides of it.
        /// </summary>
        public bool HasEveryAwkwardCase()
        {
            var start = ReportingMonth.Between(Hub.CreatedAt, AsOf, Hub.TimeZoneId)[0].Start;
            var byMember = Wellbeing.GroupBy(s => s.MemberId).ToList();
            return byMember.Any(g => g.All(s => s.SubmittedAt < start))
                && byMember.Any(g => g.Any(s => s.SubmittedAt < start) && g.Any(s => s.SubmittedAt >= start && s.SubmittedAt <= AsOf))
                && byMember.Any(g => g.Any(s => s.SubmittedAt > AsOf) && g.Any(s => s.SubmittedAt <= AsOf))
                && Members.Any(m => !m.IsActive && byMember.Any(g => g.Key == m.Id))
                && Members.Any(m => byMember.All(g => g.Key != m.Id))
                && Submissions.Any(a => a.Measure == Measure.Alliance && a.SubmittedAt > AsOf)
                && Submissions.Any(a => a.Measure == Measure.Alliance && a.SubmittedAt <= AsOf && !Wellbeing.Any(w => w.MemberId == a.MemberId))
                && Submissions.Any(a => a.Measure == Measure.Alliance && a.SubmittedAt <= AsOf && Wellbeing.Any(w => w.MemberId == a.MemberId) && Wellbeing.Where(w => w.MemberId == a.MemberId).All(w => w.SubmittedAt > AsOf))
                && Departures.Any(d => d.At > AsOf) && Departures.Any(d => d.At <= AsOf && d.Department is null);
        }

        private string? DepartmentOf(Submission submission) => Members.Single(m => m.Id == submission.MemberId).Department;
    }
}

public sealed class SqliteAggregateSourceTests(SqliteTestDatabase database)
    : AggregateSourceTests<SqliteTestDatabase>(database), IClassFixture<SqliteTestDatabase>;

/// <summary>On the assembly's throwaway PostgreSQL cluster; each test gets a freshly migrated database of its own.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresAggregateSourceTests(PostgresCluster cluster)
    : AggregateSourceTests<PostgresTestDatabase>(new PostgresTestDatabase(cluster));
