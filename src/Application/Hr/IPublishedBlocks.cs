using Wellbeing.Domain.Statistics;

namespace Wellbeing.Application.Hr;

/// <summary>
/// The published period blocks of a hub with their cells, oldest period first: all that HR's pages, the export and
/// the partner API read. A block never changes once published and blocks are only ever added, so an implementation
/// may keep them in memory, as long as it notices a newly published one before answering.
/// </summary>
public interface IPublishedBlocks
{
    Task<IReadOnlyList<PeriodBlock>> OfHubAsync(Guid hubId, CancellationToken cancellationToken);
}
