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
        var scopes = Scopes(statistics);
        var tallies = ResponderTally.PerDepartment(statistics.Responders, settings);
        var cells = new List<Aggregate>();
        AddParticipation(statistics, scopes, thresholds, cells);
        AddAllTimeMeans(statistics, scopes, tallies, publishable, peopleInPublishedMonths, thresholds, cells);
        AddMonthlyMeans(statistics, scopes, months, publishable, cells);
        AddDistribution(Metrics.WellbeingDistribution, [.. Brackets.Select(b => b.ToString())], t => t.ByBracket, scopes, tallies, thresholds, cells);
        AddDistribution(Metrics.WellbeingTrend, [.. Directions.Select(d => d.ToString())], t => t.ByTrend, scopes, tallies, thresholds, cells);

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

    private static void AddParticipation(HubStatistics statistics, IReadOnlyList<string> scopes, PrivacyThresholds thresholds, List<Aggregate> cells)
    {
        var enrolled = Counts(statistics.Enrolment.Select(e => GroupPart.Of(SegmentOf(e.Department), e.Enrolled)).ToList(), thresholds);
        var responded = Counts(statistics.Enrolment.Select(e => GroupPart.Of(SegmentOf(e.Department), e.Responded)).ToList(), thresholds);
        foreach (var scope in scopes)
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
        IReadOnlyList<string> scopes,
        IReadOnlyList<ResponderTally> tallies,
        IReadOnlyDictionary<string, IReadOnlySet<string>> publishable,
        IReadOnlyDictionary<string, int> peopleInPublishedMonths,
        PrivacyThresholds thresholds,
        List<Aggregate> cells)
    {
        int People(string scope) => peopleInPublishedMonths.TryGetValue(scope, out var people)
            ? people
            : ResponderTally.Of(scope, tallies).People;

        // A department with no shown month still counts, with all its people, in what stays hidden.
        var parts = tallies
            .Select(t => GroupPart.Of(t.Segment, t.Segment is not null && publishable[t.Segment].Count > 0 ? People(t.Segment) : t.People))
            .ToList();
        var showable = PrivacyRules.ShowableParts(parts, thresholds, distribution: false);
        foreach (var scope in scopes)
        {
            var included = MonthsOf(statistics, scope).Where(m => publishable[scope].Contains(m.Period)).ToList();
            var shown = included.Count > 0 && (scope == Hub || showable.Contains(scope));
            cells.Add(shown
                ? new Aggregate(Metrics.WellbeingMean, WellbeingMean(included), People(scope), Segment(scope))
                : new Aggregate(Metrics.WellbeingMean, null, null, Segment(scope)));
        }
    }

    private static void AddMonthlyMeans(
        HubStatistics statistics,
        IReadOnlyList<string> scopes,
        IReadOnlyList<ReportingMonth> months,
        IReadOnlyDictionary<string, IReadOnlySet<string>> publishable,
        List<Aggregate> cells)
    {
        foreach (var scope in scopes)
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
        string metric,
        IReadOnlyList<string> categories,
        Func<ResponderTally, int[]> countsOf,
        IReadOnlyList<string> scopes,
        IReadOnlyList<ResponderTally> tallies,
        PrivacyThresholds thresholds,
        List<Aggregate> cells)
    {
        var parts = tallies.Select(t => new GroupPart(t.Segment, countsOf(t))).ToList();
        var showable = PrivacyRules.ShowableParts(parts, thresholds, distribution: true);
        foreach (var scope in scopes)
        {
            var counts = countsOf(ResponderTally.Of(scope, tallies));
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

    private static List<string> Scopes(HubStatistics statistics) =>
        [
            Hub,
            .. statistics.Enrolment.Select(e => e.Department)
                .Concat(statistics.Months.Select(m => m.Department))
                .Concat(statistics.Responders.Select(r => r.Department))
                .OfType<string>()
                .Distinct()
                .Order(StringComparer.Ordinal)
                .Select(Segments.Department),
        ];

    private static string? SegmentOf(string? department) => department is null ? null : Segments.Department(department);

    private static string? Segment(string scope) => scope == Hub ? null : scope;

    /// <summary>
    /// The responders of one department (segment null: the people without one), counted once for every figure made
    /// from them: how many, per bracket of their latest score, and per trend among those with two or more submissions.
    /// A hub has some 100,000 responders and a dozen scopes, so they are walked once, not once per scope and figure.
    /// </summary>
    private sealed class ResponderTally(string? segment)
    {
        public string? Segment { get; } = segment;
        public int People { get; private set; }
        public int[] ByBracket { get; } = new int[Brackets.Length];
        public int[] ByTrend { get; } = new int[Directions.Length];

        public static List<ResponderTally> PerDepartment(IEnumerable<ResponderFigures> responders, HubSettings settings)
        {
            var tallies = new List<ResponderTally>();
            foreach (var department in responders.GroupBy(r => r.Department))
            {
                var tally = new ResponderTally(SegmentOf(department.Key));
                foreach (var responder in department)
                {
                    tally.People++;
                    tally.ByBracket[Array.IndexOf(Brackets, WellbeingBrackets.For(responder.LatestScore, settings))]++;
                    if (responder.Submissions >= 2)
                    {
                        tally.ByTrend[Array.IndexOf(Directions, Trend.Between(responder.FirstScore, responder.LatestScore, settings.TrendThreshold))]++;
                    }
                }

                tallies.Add(tally);
            }

            return tallies;
        }

        /// <summary>A department's tally (empty when it has no responders), or the whole hub's: every department added up.</summary>
        public static ResponderTally Of(string scope, IReadOnlyList<ResponderTally> tallies)
        {
            var sum = new ResponderTally(Segment(scope));
            foreach (var tally in tallies.Where(t => scope == Hub || t.Segment == scope))
            {
                sum.People += tally.People;
                AddTo(sum.ByBracket, tally.ByBracket);
                AddTo(sum.ByTrend, tally.ByTrend);
            }

            return sum;
        }

        private static void AddTo(int[] sum, int[] counts)
        {
            for (var i = 0; i < counts.Length; i++)
            {
                sum[i] += counts[i];
            }
        }
    }
}
