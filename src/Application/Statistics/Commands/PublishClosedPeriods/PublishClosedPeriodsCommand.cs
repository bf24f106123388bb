using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Statistics;

namespace Wellbeing.Application.Statistics.Commands.PublishClosedPeriods;

/// <summary>Publishes the HR figures of every reporting period that has closed and is not yet published, for every hub (or one).</summary>
public sealed record PublishClosedPeriodsCommand(Guid? HubId = null);

/// <summary>What happened to one period of one hub; the job logs it (hubs and periods only, never people or figures).</summary>
public sealed record PublicationOutcome(Guid HubId, string Period, PublicationResult Result);

public enum PublicationResult
{
    /// <summary>Computed and stored; HR can see it from now on.</summary>
    Published,

    /// <summary>Another run stored the same period first; its block stands.</summary>
    PublishedByAnotherRun,

    /// <summary>
    /// An administrator changed the hub between this run's read of its settings and its save, so the block, made with
    /// the settings read, was not stored; the next run publishes the period with the settings then in force.
    /// </summary>
    HubChangedMeanwhile,

    /// <summary>
    /// The period overlaps one already published with another length (the hub switched between months and
    /// quarters): publishing it would let "quarter minus its months" isolate what the months hid, so it never is.
    /// </summary>
    OverlapsPublishedPeriod,
}

/// <summary>
/// Computes each closed, unpublished period's block once, oldest first, each in its own transaction, so a failure
/// leaves every earlier block published and no block half-written. A published block is never recomputed. Each block
/// is made with the hub's settings as read for it and stored only if the hub is still at that version
/// (<see cref="Hub.Version"/>): the k and k_dist a block records are the hub's when it was stored.
/// </summary>
public sealed class PublishClosedPeriodsHandler(
    IRepository<Hub> hubs,
    IRepository<PeriodBlock> blocks,
    IPeriodSource source,
    IUnitOfWork unitOfWork,
    TimeProvider clock)
{
    /// <remarks>Clears the unit of work's tracking before each hub: run it in a scope of its own, or after saving.</remarks>
    public async Task<IReadOnlyList<PublicationOutcome>> Handle(PublishClosedPeriodsCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var selected = command.HubId is { } id
            ? await hubs.ListAsync(new HubsByIdsSpec([id]), cancellationToken)
            : await hubs.ListAsync(new AllHubsSpec(), cancellationToken);
        var outcomes = new List<PublicationOutcome>();
        foreach (var hubId in selected.Select(h => h.Id))
        {
            // Each hub is read again, tracked, just before its periods: its version is what the saves check.
            unitOfWork.ClearTracking();
            if (await hubs.FirstOrDefaultAsync(new HubForUpdateSpec(hubId), cancellationToken) is { } hub)
            {
                outcomes.AddRange(await PublishAsync(hub, now, cancellationToken));
            }
        }

        return outcomes;
    }

    private async Task<List<PublicationOutcome>> PublishAsync(Hub hub, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var published = await blocks.ListAsync(new PublishedIntervalsSpec(hub.Id), cancellationToken);
        var outcomes = new List<PublicationOutcome>();
        foreach (var period in ReportingPeriod.ClosedSince(hub.CreatedAt, now, hub.Settings.ReportingPeriod, hub.TimeZoneId))
        {
            if (published.Any(p => p.Start == period.Start && p.End == period.End))
            {
                continue;
            }

            if (published.Any(p => period.Overlaps(p.Start, p.End)))
            {
                outcomes.Add(new PublicationOutcome(hub.Id, period.Key, PublicationResult.OverlapsPublishedPeriod));
                continue;
            }

            var statistics = await source.ReadAsync(hub.Id, period, cancellationToken);
            blocks.Add(hub.Publish(period, statistics, now));
            try
            {
                await unitOfWork.SaveChangesAsync(cancellationToken);
            }
            catch (ConflictException)
            {
                // Either another job server stored the same period first (the unique hub and period start kept it), or
                // the hub changed since it was read (its version). The refused block and hub stay in the unit of work
                // unless dropped, and would fail every later hub's save.
                unitOfWork.ClearTracking();
                var result = await blocks.AnyAsync(new BlockOfPeriodSpec(hub.Id, period.Start), cancellationToken)
                    ? PublicationResult.PublishedByAnotherRun
                    : PublicationResult.HubChangedMeanwhile;
                outcomes.Add(new PublicationOutcome(hub.Id, period.Key, result));
                return outcomes;
            }

            published.Add(new PublishedInterval(period.Start, period.End));
            outcomes.Add(new PublicationOutcome(hub.Id, period.Key, PublicationResult.Published));
        }

        return outcomes;
    }
}
