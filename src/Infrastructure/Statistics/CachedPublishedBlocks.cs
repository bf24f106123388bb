using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Wellbeing.Application.Hr;
using Wellbeing.Domain.Statistics;
using Wellbeing.Infrastructure.Persistence;

namespace Wellbeing.Infrastructure.Statistics;

/// <summary>
/// Keeps each hub's published blocks in memory: loading every block with its cells through EF Core was most of an HR
/// page's time (docs/performance.md). Each read still asks the database which blocks exist (their ids, a few rows of
/// the (HubId, PeriodStart) index), so a block published by any node or job server is seen on the next request;
/// since a published block never changes, equal ids mean equal blocks. Entries are shared read-only between requests.
/// </summary>
internal sealed class CachedPublishedBlocks(WellbeingDbContext db, IMemoryCache cache) : IPublishedBlocks
{
    /// <summary>A hub nobody reads for this long is dropped from memory.</summary>
    private static readonly TimeSpan Idle = TimeSpan.FromHours(1);

    public async Task<IReadOnlyList<PeriodBlock>> OfHubAsync(Guid hubId, CancellationToken cancellationToken)
    {
        var key = (nameof(CachedPublishedBlocks), hubId);
        var ids = await OfHub(hubId).Select(b => b.Id).ToListAsync(cancellationToken);
        if (cache.TryGetValue(key, out Entry? cached) && cached!.Ids.SequenceEqual(ids))
        {
            return cached.Blocks;
        }

        var blocks = await OfHub(hubId).AsNoTracking().ToListAsync(cancellationToken);

        // Keyed by what was loaded, not by the ids read before: a block published in between is loaded now and its id
        // kept with it, so the next request does not load again.
        cache.Set(key, new Entry([.. blocks.Select(b => b.Id)], blocks), new MemoryCacheEntryOptions { SlidingExpiration = Idle });
        return blocks;
    }

    private IQueryable<PeriodBlock> OfHub(Guid hubId) => db.PeriodBlocks.Where(b => b.HubId == hubId).OrderBy(b => b.PeriodStart);

    private sealed record Entry(IReadOnlyList<Guid> Ids, IReadOnlyList<PeriodBlock> Blocks);
}
