using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Aggregates;
using Wellbeing.Domain.Hubs;

namespace Wellbeing.Application.Hr.Queries.GetHubOverview;

/// <summary>What an HR manager sees of their hub. Reads hub settings and published snapshots only, never submissions.</summary>
public sealed record GetHubOverviewQuery(Guid HubId);

public sealed record HubOverviewDto(Guid HubId, string HubName, string TimeZoneId, int K, int KDistribution, SnapshotSummaryDto? LatestSnapshot);

public sealed record SnapshotSummaryDto(DateTimeOffset AsOf, int Contributors, int PublishedCells, int SuppressedCells);

public sealed class GetHubOverviewHandler(IRepository<Hub> hubs, IRepository<Snapshot> snapshots)
{
    public async Task<HubOverviewDto> Handle(GetHubOverviewQuery query, CancellationToken cancellationToken)
    {
        var hub = await hubs.FirstOrDefaultAsync(new HubByIdSpec(query.HubId), cancellationToken)
            ?? throw new NotFoundException("Hub");
        var latest = await snapshots.FirstOrDefaultAsync(new LatestSnapshotSpec(hub.Id), cancellationToken);
        return new HubOverviewDto(hub.Id, hub.Name, hub.TimeZoneId, hub.Settings.K, hub.Settings.KDistribution, latest);
    }
}

public sealed class LatestSnapshotSpec : Specification<Snapshot, SnapshotSummaryDto>
{
    public LatestSnapshotSpec(Guid hubId)
    {
        Query.Where(s => s.HubId == hubId).OrderByDescending(s => s.AsOf);
        Select(s => new SnapshotSummaryDto(s.AsOf, s.Contributors, s.Aggregates.Count(a => a.Value != null), s.Aggregates.Count(a => a.Value == null)));
    }
}
