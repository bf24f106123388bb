using Ardalis.Specification;
using Wellbeing.Domain.Statistics;

namespace Wellbeing.Application.Common.Specifications.Shared;

/// <summary>The UTC intervals a hub has published, without their cells: what the publication must not overlap.</summary>
public sealed class PublishedIntervalsSpec : Specification<PeriodBlock, PublishedInterval>
{
    public PublishedIntervalsSpec(Guid hubId)
    {
        Query.Where(b => b.HubId == hubId);
        Query.Select(b => new PublishedInterval(b.PeriodStart, b.PeriodEnd));
    }
}

public sealed record PublishedInterval(DateTimeOffset Start, DateTimeOffset End);

/// <summary>The hub's block of the period with this start (UTC), if it is published.</summary>
public sealed class BlockOfPeriodSpec : Specification<PeriodBlock>
{
    public BlockOfPeriodSpec(Guid hubId, DateTimeOffset periodStart) => Query.Where(b => b.HubId == hubId && b.PeriodStart == periodStart).AsNoTracking();
}
