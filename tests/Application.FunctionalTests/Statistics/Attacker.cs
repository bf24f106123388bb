using Wellbeing.Application.Hr;
using Wellbeing.Application.FunctionalTests.Statistics.Simulation;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Interpretation;
using Wellbeing.Domain.Statistics;

namespace Wellbeing.Application.FunctionalTests.Statistics;

/// <summary>
/// An HR manager who knows who is in which department and keeps every view of the hub's published figures it was ever
/// shown, through <see cref="PublishedFigures"/> as the page, the export and the API show them: every published period
/// for the whole hub and for every department, and the mean over all published periods each time it looked. It forms
/// every difference and complement it can and records a finding for each figure that tells it something the privacy
/// rules promise to hide.
/// </summary>
/// <remarks>
/// <para>Within a block, for each kind of additive figure, it takes every set of departments whose figure is shown,
/// adds them up and subtracts them from the hub's: people and enrolled members (counts), bracket counts (share x people
/// / 100, rounded, where only one count gives that share) and trend counts alike. Each such group must be nobody or at
/// least k people; one whose bracket or trend counts are derivable must be nobody or k_dist people in two categories.
/// Every derived group of one or more people is also checked against the people really behind it, as the
/// publication's read found them: they must not all share one bracket, nor, where the group's trend counts are
/// derivable, one direction. That covers score sums (mean x people, for any rounding): a sum can only tell that
/// everyone in a group shares a bracket if they do.</para>
/// <para>Across views: a period is published once (a block never changes, so there is no difference to take), no two
/// published periods overlap (a quarter minus its months), and the mean over all published periods changes between
/// any two looks only by whole shown periods: its count of responses grows by exactly their people.</para>
/// <para>A difference between two figures of one scope (enrolled minus responded, respondents minus those with an
/// earlier score) is participation, which the page shows by design, not a group with figures of its own; it is not
/// counted here.</para>
/// </remarks>
internal sealed class Attacker(Hub hub)
{
    /// <summary>The block each period was first seen with, and the people behind each scope's shown count in it.</summary>
    private readonly Dictionary<string, (Guid Block, Dictionary<Scope, int> Responded)> _seen = [];

    private readonly SortedSet<string> _departments = new(StringComparer.Ordinal);
    private readonly Dictionary<Scope, List<(PublishedCell Mean, HashSet<string> Periods)>> _allTimeMeans = [];

    public List<string> Findings { get; } = [];

    /// <summary>Departments whose people count a block shows.</summary>
    public int ShownDepartments { get; private set; }

    /// <summary>Departments of at least k respondents that a block hides all the same (uniform, or hidden with a smaller one).</summary>
    public int HiddenDepartmentsOfK { get; private set; }

    /// <summary>
    /// Everything HR can see now, given the blocks published so far and the people each period's read found. Views are
    /// a function of the blocks, so only a look after a new block can show anything new; a block that was replaced is
    /// itself a finding.
    /// </summary>
    public void Look(IReadOnlyList<PeriodBlock> blocks, IReadOnlyDictionary<string, IReadOnlyList<Respondent>> respondents)
    {
        foreach (var block in blocks.Where(b => _seen.TryGetValue(b.PeriodKey, out var seen) && seen.Block != b.Id))
        {
            Findings.Add($"{block.PeriodKey} was published again: the difference between its two blocks is a new figure");
        }

        var fresh = blocks.Where(b => !_seen.ContainsKey(b.PeriodKey)).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        foreach (var (first, second) in blocks.SelectMany((b, i) => blocks.Skip(i + 1).Select(c => (b, c))))
        {
            if (first.Period.Overlaps(second.PeriodStart, second.PeriodEnd))
            {
                Findings.Add($"{first.PeriodKey} and {second.PeriodKey} are both published: one minus the other isolates what either hid");
            }
        }

        // A department a block has no cells for reads as hidden in it, so an earlier block's view of a department
        // that appears later adds nothing.
        _departments.UnionWith(fresh.SelectMany(b => b.Departments));
        IReadOnlyList<Scope> scopes = [Scope.WholeHub, .. _departments.Select(Scope.OfDepartment)];
        foreach (var block in fresh)
        {
            var views = scopes.ToDictionary(s => s, s => PublishedFigures.Of(block, s).ToList());
            var responded = views
                .Select(v => (Scope: v.Key, Cell: Shown(v.Value, Metrics.Responded)))
                .Where(v => v.Cell is not null)
                .ToDictionary(v => v.Scope, v => v.Cell!.People!.Value);
            _seen[block.PeriodKey] = (block.Id, responded);
            Examine(block, views, respondents[block.PeriodKey]);
        }

        foreach (var scope in scopes)
        {
            LookAtAllTimeMean(blocks, scope);
        }
    }

    private void Examine(PeriodBlock block, Dictionary<Scope, List<PublishedCell>> views, IReadOnlyList<Respondent> respondents)
    {
        var settings = hub.Settings;
        var (k, kDistribution) = (block.K, block.KDistribution);
        int BracketOf(Respondent person) => Index(BlockComposer.Brackets, WellbeingBrackets.For(person.PeriodScore, settings));
        int DirectionOf(Respondent person) =>
            person.FirstScore is { } first ? Index(BlockComposer.Directions, Trend.Between(first, person.PeriodScore, settings.TrendThreshold)) : -1;

        var counts = Known(views, cells => Shown(cells, Metrics.Responded) is { } people && Shown(cells, Metrics.Enrolled) is { } enrolled
            ? [(int)people.Value!.Value, (int)enrolled.Value!.Value]
            : null);
        ShownDepartments += counts.Keys.Count(s => !s.IsWholeHub);
        HiddenDepartmentsOfK += respondents
            .GroupBy(r => r.Department)
            .Count(g => g.Key is { } department && g.Count() >= k && !counts.ContainsKey(Scope.OfDepartment(department)));
        Derive(block, "people", counts, respondents, BracketOf, (group, behind) => group switch
        {
            [> 0 and var responded, _] when responded < k => $"{responded} people",
            [_, > 0 and var enrolled] when enrolled < k => $"{enrolled} enrolled members",
            [var responded, _] when responded != behind.Sum() => $"{responded} people where {behind.Sum()} answered",
            [> 0 and var responded, _] when behind.Count(c => c > 0) == 1 => $"{responded} people all in one bracket",
            _ => null,
        });

        var brackets = Known(views, cells => Counts(cells, Metrics.WellbeingDistribution, BlockComposer.Brackets.Select(b => b.ToString())));
        Derive(block, "brackets", brackets, respondents, BracketOf, (group, behind) => Shares(group, kDistribution) ??
            (group.SequenceEqual(behind) ? null : $"bracket counts {string.Join('/', group)} where the people's are {string.Join('/', behind)}"));

        var trends = Known(views, cells => Counts(cells, Metrics.WellbeingTrend, BlockComposer.Directions.Select(d => d.ToString())));
        Derive(block, "trends", trends, respondents, DirectionOf, (group, behind) => Shares(group, kDistribution) ??
            (group.SequenceEqual(behind) ? null : $"trend counts {string.Join('/', group)} where the people's are {string.Join('/', behind)}"));

        if (Shown(views[Scope.WholeHub], Metrics.AllianceMean) is { People: { } raters } && raters < k)
        {
            Findings.Add($"{block.PeriodKey}: an alliance mean of {raters} raters");
        }
    }

    /// <summary>
    /// Every union of the departments whose figure is known, and the hub minus each union, judged with the counts per
    /// category (<paramref name="categoryOf"/>: an index, or -1 for someone the figure leaves out) of the people really
    /// behind it; <paramref name="judge"/> names what is wrong, or returns null.
    /// </summary>
    private void Derive(
        PeriodBlock block,
        string figure,
        Dictionary<Scope, int[]> known,
        IReadOnlyList<Respondent> respondents,
        Func<Respondent, int> categoryOf,
        Func<int[], int[], string?> judge)
    {
        var departments = known.Keys.Where(s => !s.IsWholeHub).Select(s => s.Department!).ToList();
        var bits = departments.Select((d, i) => (d, Bit: 1 << i)).ToDictionary(p => p.d, p => p.Bit);
        var people = respondents
            .Select(r => (Bit: r.Department is { } d ? bits.GetValueOrDefault(d) : 0, Category: categoryOf(r)))
            .Where(p => p.Category >= 0)
            .ToList();
        known.TryGetValue(Scope.WholeHub, out var hub);
        var length = known.Values.FirstOrDefault()?.Length ?? 0;
        for (var set = 0; set < 1 << departments.Count; set++)
        {
            var union = new int[length];
            for (var i = 0; i < departments.Count; i++)
            {
                if ((set & (1 << i)) != 0)
                {
                    var counts = known[Scope.OfDepartment(departments[i])];
                    for (var c = 0; c < length; c++)
                    {
                        union[c] += counts[c];
                    }
                }
            }

            // Three brackets, or three trend directions.
            int[] inSet = new int[3], outside = new int[3];
            foreach (var (bit, category) in people)
            {
                ((bit & set) != 0 ? inSet : outside)[category]++;
            }

            if (set != 0 && judge(union, inSet) is { } inUnion)
            {
                Findings.Add($"{block.PeriodKey}, {figure} of {Name(set)}: {inUnion}");
            }

            if (hub is not null && judge([.. hub.Zip(union, (h, u) => h - u)], outside) is { } inRest)
            {
                Findings.Add($"{block.PeriodKey}, {figure} of the hub{(set == 0 ? string.Empty : $" minus {Name(set)}")}: {inRest}");
            }
        }

        string Name(int set) => string.Join(" + ", departments.Where((_, i) => (set & (1 << i)) != 0));
    }

    /// <summary>Derived category counts must be nobody, or k_dist people in at least two categories.</summary>
    private static string? Shares(int[] counts, int kDistribution) =>
        counts.Sum() is > 0 and var total && (total < kDistribution || counts.Count(c => c > 0) < 2)
            ? $"shares of {total} people in {counts.Count(c => c > 0)} categories"
            : null;

    /// <summary>
    /// The mean over all published periods may differ from an earlier reading only by whole shown periods of the
    /// scope: its count of responses grows by exactly the people of their shown means, and so by nobody or at least k.
    /// </summary>
    private void LookAtAllTimeMean(IReadOnlyList<PeriodBlock> blocks, Scope scope)
    {
        var mean = PublishedFigures.AllTimeMean(blocks, scope);
        var periods = blocks.Select(b => b.PeriodKey).ToHashSet();
        if (!_allTimeMeans.TryGetValue(scope, out var readings))
        {
            _allTimeMeans[scope] = readings = [];
        }

        foreach (var (earlier, before) in readings)
        {
            var added = blocks.Where(b => !before.Contains(b.PeriodKey)).ToList();
            // The periods' own shown means: a period whose mean is hidden (too few people for its distribution) adds nothing.
            var expected = added.Sum(b => PublishedFigures.Of(b, scope).First(c => c.Metric == Metrics.WellbeingMean).People ?? 0);
            var difference = (mean.People ?? 0) - (earlier.People ?? 0);
            if (difference != expected || difference > 0 && difference < added.Min(b => b.K))
            {
                Findings.Add($"the mean over all periods of {scope} moved by {difference} responses where the periods added show {expected}");
            }
        }

        readings.Add((mean, periods));
    }

    private static Dictionary<Scope, int[]> Known(Dictionary<Scope, List<PublishedCell>> views, Func<List<PublishedCell>, int[]?> read) =>
        views.Select(v => (v.Key, Counts: read(v.Value))).Where(v => v.Counts is not null).ToDictionary(v => v.Key, v => v.Counts!);

    private static PublishedCell? Shown(List<PublishedCell> cells, string metric) =>
        cells.FirstOrDefault(c => c.Metric == metric && !c.IsHidden);

    /// <summary>
    /// Counts per category from whole-percent shares of a known number of people: each share read as the only count that
    /// rounds to it; one count the others leave open follows from the total; null when more stay open.
    /// </summary>
    private static int[]? Counts(List<PublishedCell> cells, string metric, IEnumerable<string> categories)
    {
        var shares = categories.Select(c => cells.Single(cell => cell.Metric == metric && cell.Category == c)).ToList();
        if (shares.Any(s => s.IsHidden))
        {
            return null;
        }

        var people = shares[0].People!.Value;
        var counts = shares.Select(s => OnlyCount(s.Value!.Value, people)).ToList();
        return counts.Count(c => c is null) switch
        {
            0 => [.. counts.Select(c => c!.Value)],
            1 => [.. counts.Select(c => c ?? people - counts.Sum(n => n ?? 0))],
            _ => null,
        };
    }

    private static int? OnlyCount(decimal share, int people)
    {
        // Only counts within half a percent of the share can round to it.
        var low = Math.Max(0, (int)Math.Floor((share - 0.5m) * people / 100));
        var high = Math.Min(people, (int)Math.Ceiling((share + 0.5m) * people / 100));
        var matching = Enumerable.Range(low, high - low + 1)
            .Where(c => Math.Round(100m * c / people, 0, MidpointRounding.AwayFromZero) == share)
            .Take(2)
            .ToList();
        return matching.Count == 1 ? matching[0] : null;
    }

    private static int Index<T>(IReadOnlyList<T> categories, T category)
    {
        for (var i = 0; i < categories.Count; i++)
        {
            if (EqualityComparer<T>.Default.Equals(categories[i], category))
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(category), category, "Not a category of the figure.");
    }
}
