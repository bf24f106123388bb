using Wellbeing.Domain.Common;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Sessions;
using Wellbeing.Domain.Statistics;
using Wellbeing.Domain.Submissions;
using Wellbeing.Domain.Surveys;
using Wellbeing.Infrastructure.IntegrationTests.Databases;
using Wellbeing.Infrastructure.IntegrationTests.Persistence;
using Wellbeing.Infrastructure.Statistics;
using Wellbeing.Testing.Databases;

namespace Wellbeing.Infrastructure.IntegrationTests.Statistics;

/// <summary>
/// The publication's read of one period against the plainest computation of the same groups in memory, on a hub where
/// every awkward case occurs: departments and people without one, answers exactly at the period's start (in) and end
/// (out), first scores before the period, at its start and in it, members enrolled after the period or deactivated before it (not
/// enrolled), deactivated exactly at its start or during it (enrolled), alliance ratings in and out of it, and a
/// neighbouring hub answering at the same times.
/// </summary>
public abstract class PeriodSourceTests<TDatabase>(TDatabase database) : DatabaseTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private static readonly string?[] Departments = ["Sales", "Ops", "Legal", null];

    [Fact]
    public async Task ReadAsync_GivesTheGroupsCountedInMemory()
    {
        var seeded = await SeedAsync();

        await using var context = Database.CreateContext();
        var actual = await new EfPeriodSource(context).ReadAsync(seeded.Hub.Id, seeded.Period, CancellationToken.None);

        var expected = seeded.Expected();
        Assert.Equal(expected.Enrolment.OrderBy(e => e.Department), actual.Enrolment.OrderBy(e => e.Department));
        Assert.Equal(Ordered(expected.Respondents), Ordered(actual.Respondents));
        Assert.Equal(expected.Alliance, actual.Alliance);
    }

    [Fact]
    public async Task ReadAsync_PeriodWithoutAnswers_GivesEnrolmentOnly()
    {
        var seeded = await SeedAsync();
        var later = ReportingPeriod.Containing(seeded.Period.End.AddDays(200), ReportingPeriodLength.Month, seeded.Hub.TimeZoneId);

        await using var context = Database.CreateContext();
        var actual = await new EfPeriodSource(context).ReadAsync(seeded.Hub.Id, later, CancellationToken.None);

        Assert.Empty(actual.Respondents);
        Assert.Equal(AllianceFigures.None, actual.Alliance);
        Assert.Equal(seeded.Members.Count(m => m.IsActive), actual.Enrolment.Sum(e => e.Enrolled));
    }

    private static IEnumerable<RespondentGroup> Ordered(IEnumerable<RespondentGroup> groups) =>
        groups.OrderBy(g => g.Department).ThenBy(g => g.ScoreSum).ThenBy(g => g.Submissions).ThenBy(g => g.FirstScore);

    /// <summary>
    /// A deterministic hub with April 2026 (Amsterdam) as the period, saved in three goes in shuffled order, so that the
    /// first scores are both created and replaced by earlier answers saved later.
    /// </summary>
    private async Task<SeededHub> SeedAsync()
    {
        var random = new Random(10);
        var hub = TestData.Hub();
        var period = ReportingPeriod.Containing(new DateTimeOffset(2026, 4, 15, 12, 0, 0, TimeSpan.Zero), ReportingPeriodLength.Month, hub.TimeZoneId);
        var professional = TestData.Professional();
        professional.JoinHub(hub.Id, hub.CreatedAt);
        var wellbeing = TestData.WellbeingSurvey();
        var alliance = TestData.AllianceSurvey();
        var members = new List<Member>();
        var sessions = new List<CareSession>();
        var submissions = new List<Submission>();

        Member Join(string? department, DateTimeOffset? enrolledAt = null, DateTimeOffset? deactivatedAt = null)
        {
            var member = new Member(hub.Id, $"Person {members.Count}", $"{Guid.NewGuid():N}@example.org", enrolledAt ?? hub.CreatedAt, department);
            if (deactivatedAt is { } at)
            {
                member.Deactivate(at);
            }

            members.Add(member);
            return member;
        }

        void Answer(Member member, DateTimeOffset at, int q1, int q2 = 3, int q3 = 2) =>
            submissions.Add(Submission.ForWellbeing(hub.Id, member.Id, wellbeing, TestData.Answers(q1, q2, q3), at));

        void Rate(Member member, DateTimeOffset at, int answer)
        {
            var session = new CareSession(hub.Id, member.Id, professional.Id, at.AddHours(-2), sequenceNumber: sessions.Count(s => s.MemberId == member.Id) + 1);
            session.End(at.AddHours(-1), hub.Settings, hub.TimeZoneId);
            sessions.Add(session);
            submissions.Add(Submission.ForAlliance(hub.Id, member.Id, alliance, alliance.Items.ToDictionary(item => item.Id, _ => (int?)answer), at, professional.Id, session.Id));
        }

        // At the start (in) after an earlier first score, and first ever at the start (no earlier score); at the end
        // (out) after a first score in the period; only at the end.
        var atStart = Join("Sales");
        Answer(atStart, period.Start.AddDays(-20), 1);
        Answer(atStart, period.Start, 4);
        var firstAtStart = Join("Legal");
        Answer(firstAtStart, period.Start, 2);
        Answer(firstAtStart, period.Start.AddDays(7), 4);
        var atEnd = Join("Ops");
        Answer(atEnd, period.Start.AddDays(10), 2);
        Answer(atEnd, period.End, 5);
        Answer(Join("Legal"), period.End, 3);

        // Twins: the same department, sums, count and first score, so one group of two people.
        foreach (var twin in new[] { Join(null), Join(null) })
        {
            Answer(twin, period.Start.AddDays(-3), 0);
            Answer(twin, period.Start.AddDays(5), 5);
            Answer(twin, period.Start.AddDays(19), 1);
        }

        // Not enrolled in the period: enrolled at its end or later, deactivated before its start.
        Answer(Join("Sales", enrolledAt: period.End), period.End.AddDays(2), 4);
        Join("Ops", enrolledAt: period.End.AddDays(9));
        Answer(Join("Ops", deactivatedAt: period.Start.AddSeconds(-1)), period.Start.AddDays(-9), 2);

        // Enrolled: deactivated at its start, or during it after answering; enrolled during it.
        Join("Legal", deactivatedAt: period.Start);
        var leaves = Join("Sales", deactivatedAt: period.Start.AddDays(12));
        Answer(leaves, period.Start.AddDays(11), 3);
        Answer(Join(null, enrolledAt: period.Start.AddDays(4)), period.Start.AddDays(6), 5, 5, 0);

        // Ratings at the start (in), at the end (out), twice by one person in the period, before and after it.
        Rate(atStart, period.Start, 6);
        Rate(atEnd, period.End, 1);
        Rate(leaves, period.Start.AddDays(2), 3);
        Rate(leaves, period.Start.AddDays(9), 5);
        Rate(Join("Ops"), period.Start.AddDays(-1), 7);
        Rate(Join(null), period.End.AddDays(1), 2);

        // Everyone else: answers from six weeks before the period to three weeks after it, at distinct times.
        for (var n = 0; n < 36; n++)
        {
            var member = Join(Departments[n % Departments.Length], deactivatedAt: n % 11 == 5 ? period.Start.AddDays(random.Next(-30, 40)) : null);
            var count = n % 9 == 0 ? 0 : random.Next(1, 6);
            for (var i = 0; i < count; i++)
            {
                Answer(member, period.Start.AddDays(random.Next(-42, 52)).AddMinutes(i), random.Next(6), random.Next(6), random.Next(6));
            }

            if (n % 4 == 1)
            {
                Rate(member, period.Start.AddDays(random.Next(-10, 40)), random.Next(1, 8));
            }
        }

        await SaveAsync([hub, professional, .. members, .. sessions, .. NeighbouringHub(hub, period, wellbeing)]);
        var shuffled = submissions.OrderBy(_ => random.Next()).ToList();
        foreach (var part in shuffled.Chunk((shuffled.Count / 3) + 1))
        {
            await SaveAsync([.. part]);
        }

        return new SeededHub(hub, period, members, submissions);
    }

    /// <summary>Another hub at the same times and with the same departments, whose people the first hub's figures may not include.</summary>
    private static IEnumerable<object> NeighbouringHub(Hub hub, ReportingPeriod period, Survey wellbeing)
    {
        var neighbour = new Hub("Neighbour", "Neighbour organisation", "neighbour-" + Guid.NewGuid().ToString("N")[..8], hub.TimeZoneId, hub.CreatedAt);
        yield return neighbour;
        foreach (var department in Departments)
        {
            var member = new Member(neighbour.Id, "Neighbour", $"{Guid.NewGuid():N}@example.org", hub.CreatedAt, department);
            yield return member;
            yield return Submission.ForWellbeing(neighbour.Id, member.Id, wellbeing, TestData.Answers(2, 2, 2), period.Start);
            yield return Submission.ForWellbeing(neighbour.Id, member.Id, wellbeing, TestData.Answers(4, 1, 0), period.Start.AddDays(3));
        }
    }

    private async Task SaveAsync(object[] entities)
    {
        await using var context = Database.CreateContext();
        context.AddRange(entities);
        await context.SaveChangesAsync();
    }

    /// <summary>The groups as the publication defines them, counted over the objects that were saved.</summary>
    private sealed record SeededHub(Hub Hub, ReportingPeriod Period, IReadOnlyList<Member> Members, IReadOnlyList<Submission> Submissions)
    {
        public PeriodStatistics Expected()
        {
            bool InPeriod(Submission s) => s.SubmittedAt >= Period.Start && s.SubmittedAt < Period.End;
            var wellbeing = Submissions.Where(s => s.Measure == Measure.Wellbeing).ToList();
            var ratings = Submissions.Where(s => s.Measure == Measure.Alliance && InPeriod(s)).ToList();
            return new PeriodStatistics(
                [.. Members.Where(m => m.EnrolledAt < Period.End && (m.DeactivatedAt is null || m.DeactivatedAt >= Period.Start))
                    .GroupBy(m => m.Department)
                    .Select(g => new DepartmentEnrolment(g.Key, g.Count()))],
                [.. wellbeing.Where(InPeriod)
                    .GroupBy(s => s.MemberId)
                    .Select(g =>
                    {
                        var first = wellbeing.Where(s => s.MemberId == g.Key).MinBy(s => s.SubmittedAt)!;
                        return (Department: Members.Single(m => m.Id == g.Key).Department, Sum: g.Sum(s => s.Score), Submissions: g.Count(), First: first.SubmittedAt < Period.Start ? first.Score : (decimal?)null);
                    })
                    .GroupBy(p => p)
                    .Select(g => new RespondentGroup(g.Key.Department, g.Key.Sum, g.Key.Submissions, g.Key.First, g.Count()))],
                ratings.Count == 0 ? AllianceFigures.None : new AllianceFigures(ratings.Sum(s => s.Score), ratings.Count, ratings.Select(s => s.MemberId).Distinct().Count()));
        }
    }
}

public sealed class SqlitePeriodSourceTests(SqliteTestDatabase database)
    : PeriodSourceTests<SqliteTestDatabase>(database), IClassFixture<SqliteTestDatabase>;

/// <summary>On the assembly's throwaway PostgreSQL cluster; each test gets a freshly migrated database of its own.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresPeriodSourceTests(PostgresCluster cluster)
    : PeriodSourceTests<PostgresTestDatabase>(new PostgresTestDatabase(cluster));
