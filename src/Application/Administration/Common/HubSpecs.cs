using Ardalis.Specification;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Statistics;

namespace Wellbeing.Application.Administration.Common;

/// <summary>Another hub with this short name.</summary>
public sealed class OtherHubWithSlugSpec : Specification<Hub>
{
    public OtherHubWithSlugSpec(string slug, Guid hubId) => Query.Where(h => h.Slug == slug && h.Id != hubId).AsNoTracking();
}

/// <summary>Whether any HR figures of the hub are published (any of its blocks).</summary>
public sealed class PublishedBlocksOfHubSpec : Specification<PeriodBlock>
{
    public PublishedBlocksOfHubSpec(Guid hubId) => Query.Where(b => b.HubId == hubId).AsNoTracking();
}

/// <summary>The k and k_dist each published block of a hub was made with (one row per block: a few per year).</summary>
public sealed class PublishedThresholdsOfHubSpec : Specification<PeriodBlock, PrivacyThresholds>
{
    public PublishedThresholdsOfHubSpec(Guid hubId)
    {
        Query.Where(b => b.HubId == hubId).AsNoTracking();
        Query.Select(b => new PrivacyThresholds(b.K, b.KDistribution));
    }
}
