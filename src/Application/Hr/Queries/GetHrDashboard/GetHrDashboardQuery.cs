using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Aggregates;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Interpretation;

namespace Wellbeing.Application.Hr.Queries.GetHrDashboard;

/// <summary>
/// What an HR manager sees of their hub, or of one department: the cells of the latest published snapshot and
/// nothing else. Reads hub settings and snapshots only, never submissions (an architecture test holds this).
/// </summary>
public sealed record GetHrDashboardQuery(Guid HubId, IReadOnlyList<string> Departments);

public sealed record HrDashboardDto(
    Guid HubId,
    string HubName,
    string TimeZoneId,
    int K,
    int KDistribution,
    int LowParticipationPercent,
    string? Department,
    IReadOnlyList<string> Departments,
    HrSnapshotDto? Snapshot)
{
    public const string WholeHub = "Whole hub";

    /// <summary>
    /// Every published cell of the page in reading order, hidden ones included with neither value nor count: the one
    /// list the export and the partner API are made from, so neither can show more or less than the page.
    /// </summary>
    public IEnumerable<PublishedCell> Cells()
    {
        if (Snapshot is not { } snapshot)
        {
            yield break;
        }

        var hubWide = Department is null;
        var figuresAsOf = snapshot.FiguresAsOf;
        yield return PublishedCell.Of(Metrics.Enrolled, snapshot.Enrolled, figuresAsOf, hubWide);
        yield return PublishedCell.Of(Metrics.Responded, snapshot.Responded, figuresAsOf, hubWide);
        yield return PublishedCell.Of(Metrics.ParticipationRate, snapshot.ParticipationRate, figuresAsOf, hubWide);
        yield return PublishedCell.Of(Metrics.WellbeingMean, snapshot.WellbeingMean, figuresAsOf, hubWide);
        foreach (var share in snapshot.Distribution)
        {
            yield return new PublishedCell(Metrics.WellbeingDistribution, null, share.Category, share.Value, share.People, figuresAsOf, hubWide);
        }

        foreach (var share in snapshot.Trends)
        {
            yield return new PublishedCell(Metrics.WellbeingTrend, null, share.Category, share.Value, share.People, figuresAsOf, hubWide);
        }

        foreach (var month in snapshot.Months)
        {
            yield return PublishedCell.Of(Metrics.WellbeingMean, month.Mean, figuresAsOf, hubWide, month.Period);
        }

        yield return PublishedCell.Of(Metrics.AllianceMean, snapshot.AllianceMean, snapshot.AsOf, hubWide: true);
    }

    /// <summary>Every figure on the page in reading order, for the export: a hidden figure has an empty value.</summary>
    public IEnumerable<ExportRow> Rows() => Cells().SelectMany(ExportRows);

    /// <summary>A row's scope is the cell's: the alliance mean's is the whole hub even in a department's export.</summary>
    private IEnumerable<ExportRow> ExportRows(PublishedCell cell)
    {
        ExportRow Row(string section, string figure, decimal? value, string? period = null) =>
            new(cell.HubWide ? WholeHub : Department!, section, figure, period, value, cell.AsOf);

        return (cell.Metric, cell.Period) switch
        {
            (Metrics.Enrolled, _) => [Row("Participation", "Enrolled members", cell.Value)],
            (Metrics.Responded, _) => [Row("Participation", "Members who responded", cell.Value)],
            (Metrics.ParticipationRate, _) => [Row("Participation", "Participation rate (%)", cell.Value)],
            (Metrics.WellbeingMean, null) => [Row("Wellbeing Index", "All-time mean (0-100)", cell.Value)],
            (Metrics.WellbeingMean, { } period) =>
            [
                Row("Wellbeing Index by month", "Mean (0-100)", cell.Value, period),
                Row("Wellbeing Index by month", "People", cell.People, period),
            ],
            (Metrics.WellbeingDistribution, _) => [Row("Wellbeing Index distribution", $"{cell.Category} (%)", cell.Value)],
            (Metrics.WellbeingTrend, _) => [Row("Trends of members with 2 or more responses", $"{cell.Category} (%)", cell.Value)],
            (Metrics.AllianceMean, _) => [Row("Professional Alliance (whole hub)", "Mean (1-7)", cell.Value)],
            _ => throw new InvalidOperationException($"The export has no label for {cell.Metric}."),
        };
    }
}

/// <param name="FiguresAsOf">
/// When the figures of the hub or department were computed: earlier than <paramref name="AsOf"/> for a department
/// that keeps the figures HR has already seen (rule 5). The hub-wide alliance figure is always as of the snapshot.
/// </param>
public sealed record HrSnapshotDto(
    DateTimeOffset AsOf,
    DateTimeOffset FiguresAsOf,
    Figure Enrolled,
    Figure Responded,
    Figure ParticipationRate,
    bool LowParticipation,
    Figure WellbeingMean,
    WellbeingBracket? MeanBracket,
    IReadOnlyList<CategoryFigure> Distribution,
    IReadOnlyList<CategoryFigure> Trends,
    IReadOnlyList<MonthlyFigure> Months,
    Figure AllianceMean)
{
    public bool FiguresKept => FiguresAsOf < AsOf;
}

/// <summary>A published number and the people it rests on; both empty when it is hidden.</summary>
public sealed record Figure(decimal? Value, int? People)
{
    public bool IsShown => Value is not null;

    public static Figure Of(Aggregate? cell) => new(cell?.Value, cell?.People);
}

public sealed record CategoryFigure(string Category, decimal? Value, int? People);

/// <summary>
/// One cell as published, named by its metric (see <see cref="Metrics"/>); hidden: value and people both null.
/// <paramref name="AsOf"/> is when it was computed, earlier than the snapshot for a department that kept its figures.
/// <paramref name="HubWide"/> says whether it describes the whole hub: in a department's cells, only the alliance
/// mean does, since it is never computed per department.
/// </summary>
public sealed record PublishedCell(string Metric, string? Period, string? Category, decimal? Value, int? People, DateTimeOffset AsOf, bool HubWide)
{
    public static PublishedCell Of(string metric, Figure figure, DateTimeOffset asOf, bool hubWide, string? period = null) =>
        new(metric, period, null, figure.Value, figure.People, asOf, hubWide);
}

public sealed record MonthlyFigure(string Period, Figure Mean);

public sealed record ExportRow(string Scope, string Section, string Figure, string? Period, decimal? Value, DateTimeOffset AsOf);

public sealed class GetHrDashboardHandler(IRepository<Hub> hubs, IRepository<Snapshot> snapshots)
{
    private static readonly string[] Brackets = Enum.GetNames<WellbeingBracket>();
    private static readonly string[] Directions = [nameof(TrendDirection.Improving), nameof(TrendDirection.Stable), nameof(TrendDirection.Declining)];

    public async Task<HrDashboardDto> Handle(GetHrDashboardQuery query, CancellationToken cancellationToken)
    {
        // Two attributes at once would let overlapping groups be subtracted from each other (rule 3).
        if (query.Departments.Count > 1)
        {
            throw new DomainException("Choose one department at a time.");
        }

        var hub = await hubs.FirstOrDefaultAsync(new HubByIdSpec(query.HubId), cancellationToken)
            ?? throw new NotFoundException("Hub");
        var department = query.Departments.Count == 1 && !string.IsNullOrWhiteSpace(query.Departments[0]) ? query.Departments[0].Trim() : null;
        var snapshot = await snapshots.FirstOrDefaultAsync(new LatestSnapshotSpec(hub.Id), cancellationToken);
        var departments = snapshot?.Aggregates.Select(a => Segments.DepartmentName(a.Segment)).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList() ?? [];
        return new HrDashboardDto(
            hub.Id,
            hub.Name,
            hub.TimeZoneId,
            snapshot?.K ?? hub.Settings.K,
            snapshot?.KDistribution ?? hub.Settings.KDistribution,
            hub.Settings.LowParticipationPercent,
            department,
            departments,
            snapshot is null ? null : Read(snapshot, department is null ? null : Segments.Department(department), hub.Settings));
    }

    /// <summary>
    /// A department the snapshot does not know reads exactly like one whose cells are all hidden: whether a group is
    /// empty or just small is itself something not to tell.
    /// </summary>
    private static HrSnapshotDto Read(Snapshot snapshot, string? segment, HubSettings settings)
    {
        var cells = snapshot.Aggregates.Where(a => a.Segment == segment).ToList();
        Aggregate? Cell(string metric, string? period = null, string? category = null) =>
            cells.FirstOrDefault(a => a.Metric == metric && a.Period == period && a.Category == category);
        IReadOnlyList<CategoryFigure> Shares(string metric, IEnumerable<string> categories) =>
            [.. categories.Select(c => (Category: c, Cell: Cell(metric, category: c))).Select(x => new CategoryFigure(x.Category, x.Cell?.Value, x.Cell?.People))];

        // Only a shown figure dates the scope: a hidden department reads the same whether it is kept, new or unknown.
        var figuresAsOf = cells.FirstOrDefault(c => !c.IsSuppressed)?.AsOf ?? snapshot.AsOf;
        var rate = Figure.Of(Cell(Metrics.ParticipationRate));
        var mean = Figure.Of(Cell(Metrics.WellbeingMean));
        var periods = snapshot.Aggregates.Where(a => a.Metric == Metrics.WellbeingMean && a.Period is not null && a.Segment == null)
            .Select(a => a.Period!).Distinct().Order(StringComparer.Ordinal);
        return new HrSnapshotDto(
            snapshot.AsOf,
            figuresAsOf,
            Figure.Of(Cell(Metrics.Enrolled)),
            Figure.Of(Cell(Metrics.Responded)),
            rate,
            rate.Value < settings.LowParticipationPercent,
            mean,
            mean.Value is { } value ? WellbeingBrackets.For(value, settings) : null,
            Shares(Metrics.WellbeingDistribution, Brackets),
            Shares(Metrics.WellbeingTrend, Directions),
            [.. periods.Select(p => new MonthlyFigure(p, Figure.Of(Cell(Metrics.WellbeingMean, period: p))))],
            Figure.Of(snapshot.Aggregates.FirstOrDefault(a => a.Metric == Metrics.AllianceMean && a.Segment == null)));
    }
}
