using Wellbeing.Domain.Aggregates;

namespace Wellbeing.Application.Common.Specifications.Shared;

/// <summary>The hub's most recently published snapshot with its cells.</summary>
public sealed class LatestSnapshotSpec : Specification<Snapshot>
{
    public LatestSnapshotSpec(Guid hubId) => Query.Where(s => s.HubId == hubId).OrderByDescending(s => s.AsOf);
}
