using Wellbeing.Domain.Statistics;

namespace Wellbeing.Application.Hr;

/// <summary>
/// One published figure as HR, the export and partner systems read it: a cell of a period block, named by its
/// metric (<see cref="Metrics"/>), with its period ("2026-05", "2026-Q2", or <see cref="PublishedFigures.AllPublishedPeriods"/>)
/// and its scope. Hidden: value and people both null, whether nobody or a few people are behind it.
/// </summary>
/// <param name="Department">The department it describes; null when it describes the whole hub.</param>
/// <param name="People">
/// Distinct people behind the value; for the mean over all published periods, responses (a person counts once per period).
/// </param>
public sealed record PublishedCell(string Metric, string Period, string? Department, string? Category, decimal? Value, int? People)
{
    public bool HubWide => Department is null;

    /// <summary>How the export and the API name the scope: "Whole hub" or the department.</summary>
    public string ScopeName => Department ?? Scope.WholeHub.ToString();

    public bool IsHidden => Value is null;
}

/// <summary>Where a published cell goes in the export and what it is called there.</summary>
public sealed record FigureLabel(string Section, string Figure);

/// <summary>
/// The one way from published blocks to what anyone sees: the page, the CSV export and the partner API all take their
/// cells from here, in the same order and with the same labels, so none of them can show more or less than another.
/// Everything here is a function of published blocks only.
/// </summary>
public static class PublishedFigures
{
    /// <summary>The period of figures derived from every published period, such as the mean over all of them.</summary>
    public const string AllPublishedPeriods = "all";

    private static readonly (string Metric, string? Category)[] Layout =
    [
        (Metrics.Enrolled, null),
        (Metrics.Responded, null),
        (Metrics.ParticipationRate, null),
        (Metrics.WellbeingMean, null),
        .. BlockComposer.Brackets.Select(b => (Metrics.WellbeingDistribution, (string?)b.ToString())),
        .. BlockComposer.Directions.Select(d => (Metrics.WellbeingTrend, (string?)d.ToString())),
    ];

    /// <summary>
    /// A block's cells for one scope in reading order, then the hub's alliance mean (never computed per department).
    /// A department the block has no cells for (it had no members then) reads exactly like a hidden one.
    /// </summary>
    public static IEnumerable<PublishedCell> Of(PeriodBlock block, Scope scope)
    {
        foreach (var (metric, category) in Layout)
        {
            var cell = block.Cells.FirstOrDefault(c => c.Metric == metric && c.Category == category && c.Scope == scope);
            yield return new PublishedCell(metric, block.PeriodKey, scope.Department, category, cell?.Value, cell?.People);
        }

        var alliance = block.Cells.FirstOrDefault(c => c.Metric == Metrics.AllianceMean && c.Scope.IsWholeHub);
        yield return new PublishedCell(Metrics.AllianceMean, block.PeriodKey, null, null, alliance?.Value, alliance?.People);
    }

    /// <summary>
    /// The Wellbeing Index mean over every published period of the scope: the people-weighted mean of the shown period
    /// means, people being responses (a person counts once per period). Hidden periods are left out, so the
    /// difference between two readings is always a whole published period.
    /// </summary>
    public static PublishedCell AllTimeMean(IEnumerable<PeriodBlock> blocks, Scope scope)
    {
        var shown = blocks
            .Select(b => b.Cells.FirstOrDefault(c => c.Metric == Metrics.WellbeingMean && c.Scope == scope))
            .Where(c => c is { IsHidden: false })
            .Select(c => (Mean: c!.Value!.Value, People: c.People!.Value))
            .ToList();
        var people = shown.Sum(c => c.People);
        return people == 0
            ? new PublishedCell(Metrics.WellbeingMean, AllPublishedPeriods, scope.Department, null, null, null)
            : new PublishedCell(Metrics.WellbeingMean, AllPublishedPeriods, scope.Department, null, Math.Round(shown.Sum(c => c.Mean * c.People) / people, 0, MidpointRounding.AwayFromZero), people);
    }

    /// <summary>The section and name of a figure, as the export writes them.</summary>
    /// <exception cref="InvalidOperationException">A metric without a label: every metric of <see cref="Metrics"/> has one.</exception>
    public static FigureLabel Label(PublishedCell cell) => (cell.Metric, cell.Period) switch
    {
        (Metrics.Enrolled, _) => new("Participation", "Enrolled members"),
        (Metrics.Responded, _) => new("Participation", "Members who responded"),
        (Metrics.ParticipationRate, _) => new("Participation", "Participation rate (%)"),
        (Metrics.WellbeingMean, AllPublishedPeriods) => new("Wellbeing Index", "Mean over all published periods (0-100)"),
        (Metrics.WellbeingMean, _) => new("Wellbeing Index", "Mean (0-100)"),
        (Metrics.WellbeingDistribution, _) => new("Wellbeing Index distribution", $"{cell.Category} (%)"),
        (Metrics.WellbeingTrend, _) => new("Trend since first response (respondents with an earlier score)", $"{cell.Category} (%)"),
        (Metrics.AllianceMean, _) => new("Professional Alliance (whole hub)", "Mean (1-7)"),
        _ => throw new InvalidOperationException($"The figure {cell.Metric} has no label."),
    };
}
