using Microsoft.Extensions.Caching.Memory;
using Wellbeing.Domain.Statistics;
using Wellbeing.Infrastructure.IntegrationTests.Persistence;
using Wellbeing.Infrastructure.Statistics;

namespace Wellbeing.Infrastructure.IntegrationTests.Statistics;

/// <summary>HR's read of published blocks, kept in memory between requests, and what it must still notice.</summary>
public sealed class CachedPublishedBlocksTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    private static readonly DateTimeOffset March = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SecondRead_ReusesTheBlocks_AndABlockPublishedElsewhereIsSeenAtOnce()
    {
        var hub = TestData.Hub();
        await SaveAsync(hub, Block(hub.Id, March));
        using var cache = new MemoryCache(new MemoryCacheOptions());

        var first = await ReadAsync(hub.Id, cache);
        var again = await ReadAsync(hub.Id, cache);
        Assert.Same(first, again);

        // Another node or job server publishes April: the next read, through a new context, must include it.
        await SaveAsync(Block(hub.Id, March.AddMonths(1)));
        var after = await ReadAsync(hub.Id, cache);

        Assert.Equal(["2026-03", "2026-04"], after.Select(b => b.PeriodKey));
        Assert.Equal(first.Single().Cells.Select(c => (c.Metric, c.Scope, c.Value)), after[0].Cells.Select(c => (c.Metric, c.Scope, c.Value)));
    }

    [Fact]
    public async Task Hubs_DoNotShareEntries()
    {
        var (one, two) = (TestData.Hub(), TestData.Hub());
        await SaveAsync(one, two, Block(one.Id, March));
        using var cache = new MemoryCache(new MemoryCacheOptions());

        Assert.Single(await ReadAsync(one.Id, cache));
        Assert.Empty(await ReadAsync(two.Id, cache));
    }

    private static PeriodBlock Block(Guid hubId, DateTimeOffset start) =>
        new(hubId, new ReportingPeriod($"{start:yyyy-MM}", start, start.AddMonths(1)), start.AddMonths(1).AddHours(2), new PrivacyThresholds(5, 10),
            [new Cell(Metrics.Responded, Scope.WholeHub, 12, 12), Cell.Hidden(Metrics.Responded, Scope.OfDepartment("Legal"))]);

    private async Task<IReadOnlyList<PeriodBlock>> ReadAsync(Guid hubId, IMemoryCache cache)
    {
        await using var context = database.CreateContext();
        return await new CachedPublishedBlocks(context, cache).OfHubAsync(hubId, CancellationToken.None);
    }

    private async Task SaveAsync(params object[] entities)
    {
        await using var context = database.CreateContext();
        context.AddRange(entities);
        await context.SaveChangesAsync();
    }
}
