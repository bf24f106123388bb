using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Interpretation;
using Wellbeing.Domain.Statistics;

namespace Wellbeing.Application.Hr.Queries.GetHrDashboard;

/// <summary>
/// What an HR manager sees of their hub, or of one department: the published blocks of closed reporting periods and
/// nothing else. Reads hub settings and blocks only, never submissions (an architecture test holds this).
/// </summary>
/// <param name="Departments">At most one department (several would let overlapping groups be subtracted).</param>
/// <param name="Period">The period to show in full ("2026-05"); null for the latest published one.</param>
public sealed record GetHrDashboardQuery(Guid HubId, IReadOnlyList<string> Departments, string? Period = null);

/// <param name="Departments">Every department of any published block, for the department filter.</param>
/// <param name="Blocks">Every published period's figures for the scope, oldest first.</param>
/// <param name="Selected">The chosen period's figures (one of <paramref name="Blocks"/>); null before the hub's first publication.</param>
/// <param name="AllTimeMean">The mean over every published period of the scope (see <see cref="PublishedFigures.AllTimeMean"/>).</param>
public sealed record HrDashboardDto(
    Guid HubId,
    string HubName,
    string TimeZoneId,
    ReportingPeriodLength PeriodLength,
    int LowParticipationPercent,
    Scope Scope,
    IReadOnlyList<string> Departments,
    IReadOnlyList<PeriodFiguresDto> Blocks,
    PeriodFiguresDto? Selected,
    PublishedCell AllTimeMean)
{
    public string? Department => Scope.Department;

    /// <summary>
    /// Every cell on the page in reading order, hidden ones included: what the export writes. The selected period's
    /// cells, then each published period's mean and respondents (the page's table of every period), then the mean
    /// over all of them.
    /// </summary>
    public IEnumerable<PublishedCell> Cells() =>
        Selected is null ? [] : [.. Selected.Cells, .. Blocks.SelectMany(b => new[] { b.WellbeingMean, b.Responded }), AllTimeMean];
}

/// <param name="Key">"2026-05" or "2026-Q2".</param>
/// <param name="Start">First day of the period in the hub's time zone.</param>
/// <param name="End">Last day of the period in the hub's time zone.</param>
/// <param name="K">People needed behind any number of this block.</param>
/// <param name="KDistribution">People needed behind a share of this block.</param>
public sealed record PublishedPeriodDto(string Key, DateOnly Start, DateOnly End, DateTimeOffset PublishedAt, int K, int KDistribution);

/// <summary>One period's figures for the page's scope, typed for the view; <see cref="Cells"/> holds the same cells for the export.</summary>
public sealed record PeriodFiguresDto(
    PublishedPeriodDto Period,
    IReadOnlyList<PublishedCell> Cells,
    bool LowParticipation,
    WellbeingBracket? MeanBracket)
{
    public PublishedCell Enrolled => Cell(Metrics.Enrolled);
    public PublishedCell Responded => Cell(Metrics.Responded);
    public PublishedCell ParticipationRate => Cell(Metrics.ParticipationRate);
    public PublishedCell WellbeingMean => Cell(Metrics.WellbeingMean);
    public PublishedCell AllianceMean => Cell(Metrics.AllianceMean);
    public IReadOnlyList<PublishedCell> Distribution => [.. Cells.Where(c => c.Metric == Metrics.WellbeingDistribution)];
    public IReadOnlyList<PublishedCell> Trends => [.. Cells.Where(c => c.Metric == Metrics.WellbeingTrend)];

    private PublishedCell Cell(string metric) => Cells.First(c => c.Metric == metric);
}

public sealed class GetHrDashboardHandler(IRepository<Hub> hubs, IPublishedBlocks blocks)
{
    /// <exception cref="DomainException">More than one department was asked for.</exception>
    /// <exception cref="NotFoundException">No such hub, or a department or period that no published block has.</exception>
    public async Task<HrDashboardDto> Handle(GetHrDashboardQuery query, CancellationToken cancellationToken)
    {
        // Two attributes at once would let overlapping groups be subtracted from each other.
        if (query.Departments.Count > 1)
        {
            throw new DomainException("Choose one department at a time.");
        }

        var hub = await hubs.FirstOrDefaultAsync(new HubByIdSpec(query.HubId), cancellationToken)
            ?? throw new NotFoundException("Hub");
        var published = await blocks.OfHubAsync(hub.Id, cancellationToken);
        var departments = published.SelectMany(b => b.Departments).Distinct().Order(StringComparer.Ordinal).ToList();
        var scope = ScopeOf(query.Departments, departments);

        var zone = TimeZoneInfo.FindSystemTimeZoneById(hub.TimeZoneId);
        PublishedPeriodDto Describe(PeriodBlock block) => new(
            block.PeriodKey,
            DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(block.PeriodStart, zone).DateTime),
            DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(block.PeriodEnd, zone).DateTime).AddDays(-1),
            block.PublishedAt,
            block.K,
            block.KDistribution);

        var figures = published.Select(b => Figures(Describe(b), [.. PublishedFigures.Of(b, scope)], hub.Settings)).ToList();
        var selected = string.IsNullOrWhiteSpace(query.Period)
            ? figures.LastOrDefault()
            : figures.FirstOrDefault(b => b.Period.Key == query.Period.Trim()) ?? throw new NotFoundException("Reporting period");
        return new HrDashboardDto(
            hub.Id,
            hub.Name,
            hub.TimeZoneId,
            hub.Settings.ReportingPeriod,
            hub.Settings.LowParticipationPercent,
            scope,
            departments,
            figures,
            selected,
            PublishedFigures.AllTimeMean(published, scope));
    }

    /// <summary>
    /// The department must be one the published blocks know, so nothing a caller typed is echoed back; its
    /// existence is no secret (HR knows its departments), and within a block an empty department reads like a hidden one.
    /// </summary>
    private static Scope ScopeOf(IReadOnlyList<string> requested, IReadOnlyList<string> departments)
    {
        if (requested.Count == 0 || string.IsNullOrWhiteSpace(requested[0]))
        {
            return Scope.WholeHub;
        }

        var name = requested[0].Trim();
        return departments.Contains(name, StringComparer.Ordinal) ? Scope.OfDepartment(name) : throw new NotFoundException("Department");
    }

    private static PeriodFiguresDto Figures(PublishedPeriodDto period, IReadOnlyList<PublishedCell> cells, HubSettings settings)
    {
        var rate = cells.First(c => c.Metric == Metrics.ParticipationRate).Value;
        var mean = cells.First(c => c.Metric == Metrics.WellbeingMean).Value;
        return new PeriodFiguresDto(
            period,
            cells,
            rate < settings.LowParticipationPercent,
            mean is { } value ? WellbeingBrackets.For(value, settings) : null);
    }
}
