using Ardalis.Specification;
using Wellbeing.Domain.Hubs;

namespace Wellbeing.Application.Common.Specifications.Shared;

public sealed class HubByIdSpec : Specification<Hub>
{
    public HubByIdSpec(Guid id) => Query.Where(h => h.Id == id).AsNoTracking();
}

/// <summary>The hub, tracked, to change it or to publish from it (its version is checked when saved).</summary>
public sealed class HubForUpdateSpec : Specification<Hub>
{
    public HubForUpdateSpec(Guid hubId) => Query.Where(h => h.Id == hubId).AsTracking();
}

public sealed class HubsByIdsSpec : Specification<Hub>
{
    public HubsByIdsSpec(IReadOnlyCollection<Guid> ids) => Query.Where(h => ids.Contains(h.Id)).OrderBy(h => h.Name).AsNoTracking();
}

public sealed class AllHubsSpec : Specification<Hub>
{
    public AllHubsSpec() => Query.OrderBy(h => h.Name).AsNoTracking();
}
