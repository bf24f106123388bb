using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Interpretation;

namespace Wellbeing.Domain.Statistics;

/// <summary>
/// Turns one period's counts and sums into the cells of its block, applying <see cref="PrivacyRules"/> to every
/// figure of every scope (the whole hub and each department). Everything is evaluated on the period's people only.
/// </summary>
public static class BlockComposer
{
    /// <summary>Bracket categories in cell order.</summary>
    public static readonly IReadOnlyList<WellbeingBracket> Brackets = [WellbeingBracket.Poor, WellbeingBracket.Moderate, WellbeingBracket.Good];

    /// <summary>Trend categories in cell order.</summary>
    public static readonly IReadOnlyList<TrendDirection> Directions = [TrendDirection.Improving, TrendDirection.Stable, TrendDirection.Declining];

    /// <summary>The cells of the block: for each scope enrolled, responded, rate, mean, three bracket and three trend shares; then the hub's alliance mean.</summary>
    public static IReadOnlyList<Cell> Compose(PeriodStatistics statistics, HubSettings settings)
    {
        var thresholds = PrivacyThresholds.For(settings);
        var groups = Tally(statistics, settings);
        var hub = GroupTally.Sum(null, groups);

        bool Group(GroupTally g) => PrivacyRules.MayShowGroup(g, thresholds);
        bool Brackets(GroupTally g) => PrivacyRules.MayShowShares(g.ByBracket, thresholds);
        bool Trends(GroupTally g) => PrivacyRules.MayShowShares(g.ByTrend, thresholds);
        var respondents = UniformGuard.Respondents(thresholds);
        var trendPeople = UniformGuard.TrendPeople(thresholds);

        // With every department hidden, "the hidden groups" are the whole hub: a uniform department whose size the
        // other departments' headcounts pin down hides the hub's figures too.
        var hubShown = Group(hub) && !PrivacyRules.StandsOut(groups, Group, respondents);
        var shown = hubShown ? PrivacyRules.ShowableDepartments(groups, Group, guard: respondents) : new HashSet<string>();
        var distribution = PrivacyRules.ShowableDepartments(groups, Brackets, shown);
        var trends = PrivacyRules.ShowableDepartments(groups, Trends, shown, trendPeople);
        var hubTrends = hubShown && Trends(hub) && !PrivacyRules.StandsOut(groups, Trends, trendPeople);

        var cells = new List<Cell>();
        AddScope(Scope.WholeHub, hub, hubShown, hubShown && Brackets(hub), hubTrends, cells);
        foreach (var group in groups.Where(g => g.Department is not null).OrderBy(g => g.Department, StringComparer.Ordinal))
        {
            var name = group.Department!;
            AddScope(Scope.OfDepartment(name), group, shown.Contains(name), distribution.Contains(name), trends.Contains(name), cells);
        }

        var alliance = statistics.Alliance;
        // Every rating at one end of the scale (all 7s, all 1s) would tell each rater's answer.
        var uniform = alliance.Sum == alliance.Ratings * AllianceScale.Highest || alliance.Sum == alliance.Ratings * AllianceScale.Lowest;
        cells.Add(alliance.People >= thresholds.K && alliance.Ratings > 0 && !uniform
            ? new Cell(Metrics.AllianceMean, Scope.WholeHub, Math.Round(alliance.Sum / alliance.Ratings, 2, MidpointRounding.AwayFromZero), alliance.People)
            : Cell.Hidden(Metrics.AllianceMean, Scope.WholeHub));
        return cells;
    }

    /// <summary>One group per department (and one for the people without one), each respondent counted once per figure.</summary>
    public static IReadOnlyList<GroupTally> Tally(PeriodStatistics statistics, HubSettings settings)
    {
        var departments = statistics.Enrolment.Select(e => e.Department)
            .Concat(statistics.Respondents.Select(r => r.Department))
            .Distinct();
        var groups = new List<GroupTally>();
        foreach (var department in departments)
        {
            var byBracket = new int[Brackets.Count];
            var byTrend = new int[Directions.Count];
            var people = 0;
            var sum = 0m;
            foreach (var group in statistics.Respondents.Where(r => r.Department == department))
            {
                var score = group.PeriodScore;
                people += group.People;
                sum += score * group.People;
                byBracket[IndexOf(Brackets, WellbeingBrackets.For(score, settings))] += group.People;
                if (group.FirstScore is { } first)
                {
                    byTrend[IndexOf(Directions, Trend.Between(first, score, settings.TrendThreshold))] += group.People;
                }
            }

            var enrolled = statistics.Enrolment.Where(e => e.Department == department).Sum(e => e.Enrolled);
            groups.Add(new GroupTally(department, Math.Max(enrolled, people), people, sum, byBracket, byTrend));
        }

        return groups;
    }

    private static void AddScope(Scope scope, GroupTally group, bool shown, bool distribution, bool trends, List<Cell> cells)
    {
        Cell Count(string metric, decimal value) => shown ? new Cell(metric, scope, value, group.People) : Cell.Hidden(metric, scope);

        cells.Add(shown ? new Cell(Metrics.Enrolled, scope, group.Enrolled, group.Enrolled) : Cell.Hidden(Metrics.Enrolled, scope));
        cells.Add(Count(Metrics.Responded, group.People));
        cells.Add(Count(Metrics.ParticipationRate, group.Enrolled == 0 ? 0 : Math.Round(100m * group.People / group.Enrolled, 0, MidpointRounding.AwayFromZero)));
        // The mean goes with the distribution: over fewer people, a mean and "at least two brackets" can pin down how
        // many are in one bracket (five people, mean 8: exactly one is not Poor), which the distribution rule hides.
        cells.Add(distribution
            ? new Cell(Metrics.WellbeingMean, scope, Math.Round(group.ScoreSum / group.People, 0, MidpointRounding.AwayFromZero), group.People)
            : Cell.Hidden(Metrics.WellbeingMean, scope));
        AddShares(Metrics.WellbeingDistribution, Brackets.Select(b => b.ToString()), group.ByBracket, distribution, scope, cells);
        AddShares(Metrics.WellbeingTrend, Directions.Select(d => d.ToString()), group.ByTrend, trends, scope, cells);
    }

    private static void AddShares(string metric, IEnumerable<string> categories, IReadOnlyList<int> counts, bool shown, Scope scope, List<Cell> cells)
    {
        var people = counts.Sum();
        var i = 0;
        foreach (var category in categories)
        {
            cells.Add(shown
                ? new Cell(metric, scope, Math.Round(100m * counts[i] / people, 0, MidpointRounding.AwayFromZero), people, category)
                : Cell.Hidden(metric, scope, category));
            i++;
        }
    }

    /// <summary>The Professional Alliance scale's ends: a rating is the mean of 1-7 items.</summary>
    private static class AllianceScale
    {
        public const decimal Lowest = 1;
        public const decimal Highest = 7;
    }

    private static int IndexOf<T>(IReadOnlyList<T> list, T item)
        where T : struct, Enum
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (EqualityComparer<T>.Default.Equals(list[i], item))
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(item), item, "Not a category of this figure.");
    }
}
