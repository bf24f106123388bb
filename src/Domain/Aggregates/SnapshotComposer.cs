using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Interpretation;

namespace Wellbeing.Domain.Aggregates;

/// <summary>
/// Turns grouped statistics into the cells of a snapshot, applying <see cref="PrivacyRules"/> to every figure.
/// Scopes are the whole hub (key <see cref="Hub"/>) and each department ("department=Sales").
/// </summary>
public static class SnapshotComposer
{
    public const string Hub = "";

    private static readonly WellbeingBracket[] Brackets = [WellbeingBracket.Poor, WellbeingBracket.Moderate, WellbeingBracket.Good];
    private static readonly TrendDirection[] Directions = [TrendDirection.Improving, TrendDirection.Stable, TrendDirection.Declining];

    /// <summary>
    /// Rule 4 with the complement rule per month. A hidden month is also left out of the all-time mean of its scope,
    /// so "all-time minus the shown months" recovers nothing.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> PublishableMonths(HubStatistics statistics, PrivacyThresholds thresholds)
    {
        var result = Scopes(statistics).ToDictionary(s => s, _ => (IReadOnlySet<string>)new HashSet<string>());
        foreach (var month in statistics.Months.GroupBy(m => m.Period))
        {
            if (!PrivacyRules.MayShowNumber(month.Sum(m => m.People), thresholds))
            {
                continue;
            }

            ((HashSet<string>)result[Hub]).Add(month.Key);
            var parts = month.Select(m => GroupPart.Of(SegmentOf(m.Department), m.People)).ToList();
            foreach (var segment in PrivacyRules.ShowableParts(parts, thresholds, distribution: false))
            {
                ((HashSet<string>)result[segment]).Add(month.Key);
            }
        }

        return result;
    }

    /// <summary>
    /// Scopes whose all-time mean leaves out some month they have data for: their distinct people over the remaining
    /// months must be counted again by the database (people overlap between months, so they cannot be added up).
    /// </summary>
    public static IReadOnlyList<string> ScopesNeedingPeopleCount(HubStatistics statistics, IReadOnlyDictionary<string, IReadOnlySet<string>> publishable) =>
        publishable
            .Where(p => p.Value.Count > 0 && MonthsOf(statistics, p.Key).Any(m => m.Submissions > 0 && !p.Value.Contains(m.Period)))
            .Select(p => p.Key)
            .ToList();

    /// <param name="peopleInPublishedMonths">Distinct people per scope named by <see cref="ScopesNeedingPeopleCount"/>.</param>
    public static IReadOnlyList<Aggregate> Compose(
        HubStatistics statistics,
        IReadOnlyList<ReportingMonth> months,
        IReadOnlyDictionary<string, IReadOnlySet<string>> publishable,
        IReadOnlyDictionary<string, int> peopleInPublishedMonths,
        HubSettings settings)
    {
        var thresholds = PrivacyThresholds.For(settings);
        var cells = new List<Aggregate>();
        AddParticipation(statistics, thresholds, cells);
        AddAllTimeMeans(statistics, publishable, peopleInPublishedMonths, thresholds, cells);
        AddMonthlyMeans(statistics, months, publishable, cells);
        AddDistribution(
            statistics.Responders,
            r => [.. Brackets.Select(b => WellbeingBrackets.For(r.LatestScore, settings) == b ? 1 : 0)],
            Metrics.WellbeingDistribution,
            [.. Brackets.Select(b => b.ToString())],
            statistics,
            thresholds,
            cells);
        AddDistribution(
            statistics.Responders.Where(r => r.Submissions >= 2).ToList(),
            r => [.. Directions.Select(d => Trend.Between(r.FirstScore, r.LatestScore, settings.TrendThreshold) == d ? 1 : 0)],
            Metrics.WellbeingTrend,
            [.. Directions.Select(d => d.ToString())],
            statistics,
            thresholds,
            cells);

        // Over the whole hub only: never per professional, and not per department, where it would narrow quickly.
        var alliance = statistics.Alliance;
        cells.Add(PrivacyRules.MayShowNumber(alliance.People, thresholds)
            ? new Aggregate(Metrics.AllianceMean, Math.Round(alliance.Sum / alliance.Submissions, 1), alliance.People)
            : new Aggregate(Metrics.AllianceMean, null, null));
        return cells;
    }

    /// <summary>
    /// Rule 5 for departments: every department outside <paramref name="renewedSegments"/> keeps its cells from the
    /// previous snapshot instead of the fresh ones. A department that no longer has members is dropped.
    /// </summary>
    public static IReadOnlyList<Aggregate> KeepEarlierFigures(IReadOnlyList<Aggregate> fresh, Snapshot previous, IReadOnlySet<string> renewedSegments)
    {
        bool Kept(string? segment) => segment is not null && !renewedSegments.Contains(segment);
        var current = fresh.Select(c => c.Segment).ToHashSet();
        return
        [
            .. fresh.Where(c => !Kept(c.Segment)),
            .. previous.Aggregates.Where(c => Kept(c.Segment) && current.Contains(c.Segment)).Select(c => c.KeptFrom(previous)),
        ];
    }

    private static void AddParticipation(HubStatistics statistics, PrivacyThresholds thresholds, List<Aggregate> cells)
    {
        var enrolled = Counts(statistics.Enrolment.Select(e => GroupPart.Of(SegmentOf(e.Department), e.Enrolled)).ToList(), thresholds);
        var responded = Counts(statistics.Enrolment.Select(e => GroupPart.Of(SegmentOf(e.Department), e.Responded)).ToList(), thresholds);
        foreach (var scope in Scopes(statistics))
        {
            var e = enrolled[scope];
            var r = responded[scope];
            cells.Add(Cell(Metrics.Enrolled, e, e, scope));
            cells.Add(Cell(Metrics.Responded, r, r, scope));
            cells.Add(Cell(Metrics.ParticipationRate, e is > 0 && r is not null ? Math.Round(100m * r.Value / e.Value, 0) : null, r, scope));
        }
    }

    private static void AddAllTimeMeans(
        HubStatistics statistics,
        IReadOnlyDictionary<string, IReadOnlySet<string>> publishable,
        IReadOnlyDictionary<string, int> peopleInPublishedMonths,
        PrivacyThresholds thresholds,
        List<Aggregate> cells)
    {
        int People(string scope) => peopleInPublishedMonths.TryGetValue(scope, out var people)
            ? people
            : statistics.Responders.Count(r => scope == Hub || SegmentOf(r.Department) == scope);

        // A department with no shown month still counts, with all its people, in what stays hidden.
        var parts = statistics.Responders.GroupBy(r => SegmentOf(r.Department))
            .Select(g => GroupPart.Of(g.Key, g.Key is not null && publishable[g.Key].Count > 0 ? People(g.Key) : g.Count()))
            .ToList();
        var showable = PrivacyRules.ShowableParts(parts, thresholds, distribution: false);
        foreach (var scope in Scopes(statistics))
        {
            var included = MonthsOf(statistics, scope).Where(m => publishable[scope].Contains(m.Period)).ToList();
            var shown = included.Count > 0 && (scope == Hub || showable.Contains(scope));
            cells.Add(shown
                ? new Aggregate(Metrics.WellbeingMean, WellbeingMean(included), People(scope), Segment(scope))
                : new Aggregate(Metrics.WellbeingMean, null, null, Segment(scope)));
        }
    }

    private static void AddMonthlyMeans(HubStatistics statistics, IReadOnlyList<ReportingMonth> months, IReadOnlyDictionary<string, IReadOnlySet<string>> publishable, List<Aggregate> cells)
    {
        foreach (var scope in Scopes(statistics))
        {
            var byPeriod = MonthsOf(statistics, scope).ToDictionary(m => m.Period);
            foreach (var month in months)
            {
                cells.Add(publishable[scope].Contains(month.Key) && byPeriod.TryGetValue(month.Key, out var figures)
                    ? new Aggregate(Metrics.WellbeingMean, WellbeingMean([figures]), figures.People, Segment(scope), month.Key)
                    : new Aggregate(Metrics.WellbeingMean, null, null, Segment(scope), month.Key));
            }
        }
    }

    private static void AddDistribution(
        IReadOnlyList<ResponderFigures> responders,
        Func<ResponderFigures, int[]> categoryOf,
        string metric,
        IReadOnlyList<string> categories,
        HubStatistics statistics,
        PrivacyThresholds thresholds,
        List<Aggregate> cells)
    {
        int[] CountsOf(IEnumerable<ResponderFigures> group) =>
            group.Select(categoryOf).Aggregate(new int[categories.Count], (sum, one) => [.. sum.Zip(one, (a, b) => a + b)]);

        var parts = responders.GroupBy(r => SegmentOf(r.Department)).Select(g => new GroupPart(g.Key, CountsOf(g))).ToList();
        var showable = PrivacyRules.ShowableParts(parts, thresholds, distribution: true);
        foreach (var scope in Scopes(statistics))
        {
            var counts = CountsOf(responders.Where(r => scope == Hub || SegmentOf(r.Department) == scope));
            var shown = scope == Hub ? PrivacyRules.MayShowDistribution(counts, thresholds) : showable.Contains(scope);
            var people = counts.Sum();
            for (var i = 0; i < categories.Count; i++)
            {
                cells.Add(shown
                    ? new Aggregate(metric, Math.Round(100m * counts[i] / people, 0), people, Segment(scope), category: categories[i])
                    : new Aggregate(metric, null, null, Segment(scope), category: categories[i]));
            }
        }
    }

    private static Dictionary<string, int?> Counts(IReadOnlyList<GroupPart> parts, PrivacyThresholds thresholds)
    {
        var total = parts.Sum(p => p.People);
        var showable = PrivacyRules.ShowableParts(parts, thresholds, distribution: false);
        var counts = new Dictionary<string, int?> { [Hub] = PrivacyRules.MayShowNumber(total, thresholds) ? total : null };
        foreach (var part in parts.Where(p => p.Key is not null))
        {
            counts[part.Key!] = showable.Contains(part.Key!) ? part.People : null;
        }

        return counts;
    }

    private static Aggregate Cell(string metric, decimal? value, int? people, string scope) =>
        value is null || people is null ? new Aggregate(metric, null, null, Segment(scope)) : new Aggregate(metric, value, people, Segment(scope));

    private static decimal WellbeingMean(IReadOnlyList<MonthFigures> months) =>
        Math.Round(months.Sum(m => m.Sum) / months.Sum(m => m.Submissions), 0);

    /// <summary>Hub-wide figures per month add the departments up; a department's are its own rows.</summary>
    private static IEnumerable<MonthFigures> MonthsOf(HubStatistics statistics, string scope) =>
        scope == Hub
            ? statistics.Months.GroupBy(m => m.Period).Select(g => new MonthFigures(null, g.Key, g.Sum(m => m.Sum), g.Sum(m => m.Submissions), g.Sum(m => m.People)))
            : statistics.Months.Where(m => SegmentOf(m.Department) == scope);

    private static IEnumerable<string> Scopes(HubStatistics statistics) =>
        new[] { Hub }.Concat(statistics.Enrolment.Select(e => e.Department)
            .Concat(statistics.Months.Select(m => m.Department))
            .Concat(statistics.Responders.Select(r => r.Department))
            .OfType<string>()
            .Distinct()
            .Order(StringComparer.Ordinal)
            .Select(Segments.Department));

    private static string? SegmentOf(string? department) => department is null ? null : Segments.Department(department);

    private static string? Segment(string scope) => scope == Hub ? null : scope;
}
