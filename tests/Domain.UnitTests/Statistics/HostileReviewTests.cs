using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Statistics;

namespace Wellbeing.Domain.UnitTests.Statistics;

/// <summary>
/// Hostile review of issue 10: an HR manager who knows every department's headcount reads one published block and
/// reasons about what the composer must have seen. Each test states the privacy promise; it fails while the leak is open.
/// </summary>
public class HostileReviewTests
{
    private static readonly HubSettings Settings = HubSettings.Defaults();

    private static IEnumerable<RespondentGroup> People(string? department, params decimal[] scores) =>
        scores.Select(score => new RespondentGroup(department, score, 1, null, 1));

    private static decimal? Value(IEnumerable<Cell> cells, string metric, Scope scope, string? category = null) =>
        cells.Single(c => c.Metric == metric && c.Scope == scope && c.Category == category).Value;

    private static int? Count(IEnumerable<Cell> cells, Scope scope, string bracket) =>
        (int?)Math.Round((Value(cells, Metrics.WellbeingDistribution, scope, bracket) * Value(cells, Metrics.Responded, scope) / 100m) ?? -1m);

    /// <summary>
    /// Ten mixed people in Sales; Legal's six all screened Poor; Audit and Tax have four employees each (never k). HR sees
    /// Sales and the hub. Hub minus Sales = 14 respondents, Poor 6 / Moderate 4 / Good 4. Audit + Tax can hold at most
    /// 8, so Legal has 6 respondents (all of its staff) and is hidden although it has k: had it been mixed, it would be
    /// shown (the other hidden 8 cannot all share a bracket when no bracket reaches 8), so it is uniform, and only Poor
    /// has 6 people: every named member of Legal answered and screened Poor.
    /// </summary>
    [Fact]
    public void HiddenUniformDepartment_SizeBoundedByHeadcounts_MustNotBeDistinguishableFromASmallOne()
    {
        var statistics = new PeriodStatistics(
            [new("Sales", 10), new("Legal", 6), new("Audit", 4), new("Tax", 4)],
            [
                .. People("Sales", 20, 40, 60, 80, 24, 44, 64, 84, 36, 56),
                .. People("Legal", 0, 4, 8, 12, 16, 20),
                .. People("Audit", 40, 60, 44, 64),
                .. People("Tax", 36, 56, 84, 48),
            ],
            AllianceFigures.None);
        var cells = BlockComposer.Compose(statistics, Settings);
        var (hub, sales) = (Scope.WholeHub, Scope.OfDepartment("Sales"));

        // The attack needs the hub's and Sales' counts and distributions; hidden, it has nothing to subtract.
        int[] Counts(Scope scope) =>
            [(int)(Value(cells, Metrics.Responded, scope) ?? -1), .. BlockComposer.Brackets.Select(b => Count(cells, scope, b.ToString()) ?? -1)];
        var (hubCounts, salesCounts) = (Counts(hub), Counts(sales));
        if (hubCounts.Concat(salesCounts).Any(c => c < 0))
        {
            Assert.All(BlockComposer.Brackets, b => Assert.True(Value(cells, Metrics.WellbeingDistribution, hub, b.ToString()) is null || Value(cells, Metrics.WellbeingDistribution, sales, b.ToString()) is null));
            return;
        }

        var rest = hubCounts[0] - salesCounts[0];
        var (restPoor, restModerate, restGood) = (hubCounts[1] - salesCounts[1], hubCounts[2] - salesCounts[2], hubCounts[3] - salesCounts[3]);
        const int auditAndTaxHeadcount = 8;
        var legalAtLeast = rest - auditAndTaxHeadcount;

        // What HR derives: Legal has >= k respondents yet is hidden, the others could never all share one bracket, so
        // Legal is uniform, in the only bracket with that many people.
        var k = PrivacyThresholds.For(Settings).K;
        var legalIsUniformPoor = legalAtLeast >= k
            && Math.Max(restModerate, restGood) < legalAtLeast
            && Math.Max(Math.Max(restPoor, restModerate), restGood) < auditAndTaxHeadcount
            && restPoor >= legalAtLeast;
        Assert.False(legalIsUniformPoor, $"rest {rest}: Poor {restPoor}, Moderate {restModerate}, Good {restGood}; Legal >= {legalAtLeast}, all Poor");
    }

    /// <summary>
    /// Five respondents (k, below k_dist so no distribution): scores 0, 0, 4, 4, 32. Shown means "two brackets at least";
    /// the mean 8 (sum at most 42.5) leaves room for one score above Poor's 28 only: exactly one member is not Poor and
    /// four are, a bracket count of 1 for a group the distribution rule hides.
    /// </summary>
    [Fact]
    public void MeanOfAGroupBelowKDistribution_MustNotFixItsBracketCounts()
    {
        var mixed = new decimal[] { 20, 40, 60, 80, 24, 44, 64, 84, 36, 56 };
        var cells = BlockComposer.Compose(
            new PeriodStatistics([], [.. People("Sales", mixed), .. People("Ops", mixed), .. People("Small", 0, 0, 4, 4, 32)], AllianceFigures.None),
            Settings);
        var small = Scope.OfDepartment("Small");

        // Shown, "at least two brackets" and a mean over five would pin the number above Poor; the mean now goes only
        // with a distribution, which needs k_dist people.
        Assert.True(cells.Where(c => c.Scope == small && c.Metric == Metrics.WellbeingDistribution).All(c => c.IsHidden));
        if (Value(cells, Metrics.WellbeingMean, small) is not { } mean)
        {
            return;
        }

        var people = Value(cells, Metrics.Responded, small)!.Value;
        var maxSum = (mean + 0.5m) * people;
        var mostAbovePoor = (int)Math.Floor(maxSum / (Settings.PoorUpTo + 0.01m));
        Assert.False(mostAbovePoor == 1, $"{people} people, mean {mean}: exactly one is not Poor");
    }

    /// <summary>Five raters who all gave the highest rating: a mean of 7.00 tells HR each rater's answer.</summary>
    [Fact]
    public void AllianceMeanAtTheScaleEnd_MustNotBeShown()
    {
        var mixed = new decimal[] { 20, 40, 60, 80, 24, 44, 64, 84, 36, 56 };
        var cells = BlockComposer.Compose(new PeriodStatistics([], [.. People("Sales", mixed)], new AllianceFigures(35m, 5, 5)), Settings);

        Assert.True(cells.Single(c => c.Metric == Metrics.AllianceMean).IsHidden);
    }
}
