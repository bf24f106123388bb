using Wellbeing.Application.Hr.Queries.GetHrDashboard;

namespace Wellbeing.Application.Hr.Queries.GetPublishedAggregates;

/// <summary>
/// A partner system's read of its hub's statistics (scope aggregates:read). It goes through the HR dashboard query
/// itself rather than to the snapshots, so the API can never show a cell the HR page hides, nor hide one differently;
/// an architecture test holds that it has no other way to data.
/// </summary>
public sealed record GetPublishedAggregatesQuery(Guid HubId, IReadOnlyList<string> Departments);

/// <param name="AsOf">Null, with no cells, while the hub has no published snapshot yet.</param>
/// <param name="K">People needed behind any number in these cells.</param>
/// <param name="KDistribution">People needed behind a distribution or a share of trends.</param>
public sealed record PublishedAggregatesDto(
    Guid HubId,
    DateTimeOffset? AsOf,
    int K,
    int KDistribution,
    string? Department,
    IReadOnlyList<string> Departments,
    IReadOnlyList<PublishedCell> Cells);

public sealed class GetPublishedAggregatesHandler(GetHrDashboardHandler dashboard)
{
    public async Task<PublishedAggregatesDto> Handle(GetPublishedAggregatesQuery query, CancellationToken cancellationToken)
    {
        var page = await dashboard.Handle(new GetHrDashboardQuery(query.HubId, query.Departments), cancellationToken);
        return new PublishedAggregatesDto(
            page.HubId,
            page.Snapshot?.AsOf,
            page.K,
            page.KDistribution,
            page.Department,
            page.Departments,
            [.. page.Cells()]);
    }
}
