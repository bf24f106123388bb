using Wellbeing.Application.Hr.Queries.GetHrDashboard;

namespace Wellbeing.Application.Hr.Queries.GetPublishedAggregates;

/// <summary>
/// A partner system's read of its hub's published figures (scope aggregates:read): every published period's block
/// for the whole hub or one department. It goes through the HR dashboard query rather than to the blocks, so the API can never show a cell the HR page hides, nor hide one differently; an architecture test holds
/// that it has no other way to data.
/// </summary>
/// <param name="Period">One period only ("2026-05"); null for every published period.</param>
public sealed record GetPublishedAggregatesQuery(Guid HubId, IReadOnlyList<string> Departments, string? Period = null);

/// <param name="Department">The department these cells describe; null for the whole hub.</param>
/// <param name="Departments">Departments of the published blocks, for the department parameter.</param>
/// <param name="Blocks">One per published period, oldest first; empty before the hub's first publication.</param>
/// <param name="AllTimeMean">The Wellbeing Index mean over every published period (responses as people).</param>
public sealed record PublishedAggregatesDto(
    Guid HubId,
    string PeriodLength,
    string? Department,
    IReadOnlyList<string> Departments,
    IReadOnlyList<PublishedBlockDto> Blocks,
    PublishedCell AllTimeMean);

public sealed record PublishedBlockDto(PublishedPeriodDto Period, IReadOnlyList<PublishedCell> Cells);

public sealed class GetPublishedAggregatesHandler(GetHrDashboardHandler dashboard)
{
    /// <exception cref="Common.Exceptions.NotFoundException">No such hub, or a department or period no published block has.</exception>
    public async Task<PublishedAggregatesDto> Handle(GetPublishedAggregatesQuery query, CancellationToken cancellationToken)
    {
        var page = await dashboard.Handle(new GetHrDashboardQuery(query.HubId, query.Departments, query.Period), cancellationToken);
        IEnumerable<PeriodFiguresDto> blocks = query.Period is null ? page.Blocks : page.Selected is null ? [] : [page.Selected];
        return new PublishedAggregatesDto(
            page.HubId,
            page.PeriodLength.ToString(),
            page.Department,
            page.Departments,
            [.. blocks.Select(b => new PublishedBlockDto(b.Period, b.Cells))],
            page.AllTimeMean);
    }
}
