using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Statistics;

namespace Wellbeing.Domain.UnitTests.Statistics;

public class BlockComposerTests
{
    private static readonly HubSettings Settings = HubSettings.Defaults();

    /// <summary>People of one department who each gave one score in the period, without an earlier score.</summary>
    private static IEnumerable<RespondentGroup> People(string? department, params decimal[] scores) =>
        scores.Select(score => new RespondentGroup(department, score, 1, null, 1));

    /// <summary>People who each gave one score in the period and a first score before it.</summary>
    private static IEnumerable<RespondentGroup> Returning(string? department, decimal first, params decimal[] scores) =>
        scores.Select(score => new RespondentGroup(department, score, 1, first, 1));

    private static PeriodStatistics Statistics(IEnumerable<RespondentGroup> respondents, IEnumerable<DepartmentEnrolment>? enrolment = null, AllianceFigures? alliance = null) =>
        new([.. enrolment ?? []], [.. respondents], alliance ?? AllianceFigures.None);

    private static IReadOnlyList<Cell> Compose(PeriodStatistics statistics, HubSettings? settings = null) =>
        BlockComposer.Compose(statistics, settings ?? Settings);

    private static Cell Find(IEnumerable<Cell> cells, string metric, Scope scope, string? category = null) =>
        cells.Single(c => c.Metric == metric && c.Scope == scope && c.Category == category);

    /// <summary>What HR reads of one scope: each cell's figure, category, value and people, in block order.</summary>
    private static List<(string Metric, string? Category, decimal? Value, int? People)> Read(IEnumerable<Cell> cells, Scope scope) =>
        [.. cells.Where(c => c.Scope == scope).Select(c => (c.Metric, c.Category, c.Value, c.People))];

    private static readonly decimal[] Mixed = [20, 40, 60, 80, 24, 44, 64, 84, 36, 56];

    [Fact]
    public void DepartmentOfFiveWhoAllScreenedPoor_IsHiddenEverywhere_AndReadsLikeADepartmentOfFour()
    {
        // The second attack: a mean of 5 over five people (at most 27.5 each) says every one of them is Poor.
        var uniform = Compose(Statistics([.. People("Sales", Mixed), .. People("Ops", Mixed), .. People("Small", 0, 4, 4, 8, 8)]));
        var four = Compose(Statistics([.. People("Sales", Mixed), .. People("Ops", Mixed), .. People("Small", 20, 40, 60, 80)]));

        var small = Scope.OfDepartment("Small");
        Assert.All(uniform.Where(c => c.Scope == small), c => Assert.True(c.IsHidden));
        Assert.Equal(Read(four, small), Read(uniform, small));

        // With four, hub minus Sales is Ops and Small together, mixed. With five, everybody answered (no other
        // enrolment), so hub minus Sales minus Ops' ten would pin Small at five, hidden although not small: uniform.
        // Nothing of that block can be shown, the hub included.
        Assert.False(Find(four, Metrics.WellbeingMean, Scope.OfDepartment("Sales")).IsHidden);
        Assert.True(Find(four, Metrics.WellbeingMean, Scope.OfDepartment("Ops")).IsHidden);
        Assert.All(uniform, c => Assert.True(c.IsHidden || c.Metric == Metrics.AllianceMean));
    }

    [Fact]
    public void HiddenDepartment_ReadsLikeAnEmptyOne_InEveryCell_PeopleCountIncluded()
    {
        var cells = Compose(Statistics(
            [.. People("Sales", Mixed), .. People("Ops", Mixed), .. People("Tiny", 30, 70), .. People("Uniform", 80, 84, 88, 92, 96, 100)],
            [new("Sales", 10), new("Ops", 12), new("Tiny", 4), new("Uniform", 6), new("Silent", 7)]));

        var silent = Read(cells, Scope.OfDepartment("Silent"));
        Assert.Equal(10, silent.Count);
        Assert.All(silent, c => Assert.Equal((null, null), (c.Value, c.People)));
        Assert.Equal(silent, Read(cells, Scope.OfDepartment("Tiny")));
        Assert.Equal(silent, Read(cells, Scope.OfDepartment("Uniform")));
    }

    [Fact]
    public void HubWhoseRespondentsAllShareABracket_IsHidden_WithEveryDepartment()
    {
        var cells = Compose(Statistics([.. People("Sales", 60, 64, 68, 72, 76, 80), .. People("Ops", 84, 88, 92, 96, 100, 52)]));

        Assert.All(cells, c => Assert.True(c.IsHidden));
    }

    [Fact]
    public void ShownScopes_CarryTheirParticipationMeanAndShares()
    {
        var cells = Compose(Statistics(
            [.. People("Sales", Mixed), .. People("Ops", Mixed), .. People("Ops", 0, 10, 100)],
            [new("Sales", 14), new("Ops", 16)]));

        var sales = Scope.OfDepartment("Sales");
        Assert.Equal((14m, 14), (Find(cells, Metrics.Enrolled, sales).Value, Find(cells, Metrics.Enrolled, sales).People));
        Assert.Equal((10m, 10), (Find(cells, Metrics.Responded, sales).Value, Find(cells, Metrics.Responded, sales).People));
        Assert.Equal(71m, Find(cells, Metrics.ParticipationRate, sales).Value); // 10 / 14 = 71.4 %
        Assert.Equal(51m, Find(cells, Metrics.WellbeingMean, sales).Value); // 508 / 10 = 50.8
        Assert.Equal([20m, 30m, 50m], BlockComposer.Brackets.Select(b => Find(cells, Metrics.WellbeingDistribution, sales, b.ToString()).Value));
        Assert.All(cells.Where(c => c.Metric == Metrics.WellbeingDistribution && c.Scope == sales), c => Assert.Equal(10, c.People));

        // 30 enrolled, 23 responded (77 %), scores adding up to 1126 (49.0); six Poor, six Moderate, eleven Good.
        Assert.Equal([30m, 23m, 77m, 49m], new[] { Metrics.Enrolled, Metrics.Responded, Metrics.ParticipationRate, Metrics.WellbeingMean }.Select(m => Find(cells, m, Scope.WholeHub).Value));
        Assert.Equal([26m, 26m, 48m], BlockComposer.Brackets.Select(b => Find(cells, Metrics.WellbeingDistribution, Scope.WholeHub, b.ToString()).Value));
    }

    [Fact]
    public void Cells_ComeHubFirst_ThenDepartmentsByName_ThenTheAllianceMean()
    {
        var cells = Compose(Statistics([.. People("b", Mixed), .. People("B", Mixed), .. People("a", Mixed)]));

        Assert.Equal(4 * 10 + 1, cells.Count);
        Assert.Equal(["Whole hub", "B", "a", "b", "Whole hub"], cells.Select(c => c.Scope.ToString()).Distinct().Append(cells[^1].Scope.ToString()));
        Assert.Equal(Metrics.AllianceMean, cells[^1].Metric);
    }

    [Fact]
    public void PeriodScore_IsTheMeanOfAPersonsScoresInThePeriod_AndTheTrendComparesItWithTheFirstScore()
    {
        // Three people who each scored 20 and 40 in the period (30: Moderate) and first scored 50 (20 points down).
        var groups = BlockComposer.Tally(
            Statistics([new RespondentGroup("Ops", 60, 2, 50, 3), .. People("Ops", 90)], [new DepartmentEnrolment("Ops", 2)]),
            Settings);

        var ops = Assert.Single(groups);
        Assert.Equal((4, 4, 180m), (ops.Enrolled, ops.People, ops.ScoreSum));
        Assert.Equal([0, 3, 1], ops.ByBracket);
        Assert.Equal([0, 0, 3], ops.ByTrend);
    }

    [Fact]
    public void TrendShares_NeedKDistributionPeopleWithAnEarlierScore_InTwoDirections()
    {
        decimal[] scores = [20, 40, 60, 80, 24, 44, 64, 84, 36, 56, 70, 90];
        var improving = Compose(Statistics(Returning(null, 10, scores)));
        var twoWays = Compose(Statistics([.. Returning(null, 10, scores[2..]), .. Returning(null, 90, scores[..2])]));
        var nineReturning = Compose(Statistics([.. Returning(null, 10, scores[3..10]), .. Returning(null, 90, scores[..2]), .. People(null, scores[2], scores[10], scores[11])]));

        Cell Trend(IEnumerable<Cell> cells, string direction) => Find(cells, Metrics.WellbeingTrend, Scope.WholeHub, direction);
        Assert.False(Find(improving, Metrics.WellbeingDistribution, Scope.WholeHub, "Good").IsHidden);
        Assert.All(BlockComposer.Directions, d => Assert.True(Trend(improving, d.ToString()).IsHidden));
        Assert.Equal([83m, 0m, 17m], BlockComposer.Directions.Select(d => Trend(twoWays, d.ToString()).Value));
        Assert.All(BlockComposer.Directions, d => Assert.Equal(12, Trend(twoWays, d.ToString()).People));

        // Twelve respondents, of whom nine have an earlier score: the trend rests on nine, too few for shares.
        Assert.Equal(12m, Find(nineReturning, Metrics.Responded, Scope.WholeHub).Value);
        Assert.All(BlockComposer.Directions, d => Assert.True(Trend(nineReturning, d.ToString()).IsHidden));
    }

    [Fact]
    public void DepartmentTrends_AreHidden_WhenTheRestWouldPinAUniformDepartmentsSize()
    {
        decimal[] scores = [20, 40, 60, 80, 24, 44, 64, 84, 36, 56];
        var cells = Compose(Statistics([
            .. Returning("A", 10, scores[..7]), .. Returning("A", 90, scores[7..]),
            .. Returning("B", 10, scores[..7]), .. Returning("B", 90, scores[7..]),
            .. Returning("C", 10, scores)]));

        // C's ten all improved: hidden. Showing B alone would leave A and C hidden together, and A's ten respondents
        // (shown) bound C's trend people from below by hub minus B minus ten = 10 >= k_dist: C would be hidden although
        // large enough, so every trend goes, the hub's too (its trends would pin C the same way).
        Assert.All(["A", "B", "C"], d => Assert.True(Find(cells, Metrics.WellbeingTrend, Scope.OfDepartment(d), "Improving").IsHidden));
        Assert.True(Find(cells, Metrics.WellbeingTrend, Scope.WholeHub, "Improving").IsHidden);
        Assert.All(["A", "B", "C"], d => Assert.False(Find(cells, Metrics.WellbeingMean, Scope.OfDepartment(d)).IsHidden));
    }

    [Theory]
    [InlineData(44, 8, 5, 5.5)]
    [InlineData(20, 3, 5, 6.67)] // two decimals
    public void AllianceMean_OfKDistinctRaters_IsShownForTheWholeHub(int sum, int ratings, int raters, decimal mean)
    {
        var cells = Compose(Statistics(People("Sales", Mixed), alliance: new AllianceFigures(sum, ratings, raters)));

        var alliance = Assert.Single(cells, c => c.Metric == Metrics.AllianceMean);
        Assert.Equal((mean, raters), (alliance.Value, alliance.People));
        Assert.Equal(Scope.WholeHub, alliance.Scope);
    }

    [Fact]
    public void AllianceMean_OfFewerThanKRaters_IsHidden()
    {
        var cells = Compose(Statistics(People("Sales", Mixed), alliance: new AllianceFigures(44, 8, 4)));

        Assert.True(Assert.Single(cells, c => c.Metric == Metrics.AllianceMean).IsHidden);
    }
}
