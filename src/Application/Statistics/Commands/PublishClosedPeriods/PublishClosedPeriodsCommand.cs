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
    /// The period overlaps one already published with another length (the hub switched between months and
    /// quarters): publishing it would let "quarter minus its months" isolate what the months hid, so it never is.
    /// </summary>
    OverlapsPublishedPeriod,
}

/// <summary>
/// Computes each closed, unpublished period's block once, oldest first, each in its own transaction, so a failure
/// leaves every earlier block published and no block half-written. A published block is never recomputed.
/// </summary>
public sealed class PublishClosedPeriodsHandler(
    IRepository<Hub> hubs,
    IRepository<PeriodBlock> blocks,
    IPeriodSource source,
    IUnitOfWork unitOfWork,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<PublicationOutcome>> Handle(PublishClosedPeriodsCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var selected = command.HubId is { } id
            ? await hubs.ListAsync(new HubsByIdsSpec([id]), cancellationToken)
            : await hubs.ListAsync(new AllHubsSpec(), cancellationToken);
        var outcomes = new List<PublicationOutcome>();
        foreach (var hub in selected)
        {
            outcomes.AddRange(await PublishAsync(hub, now, cancellationToken));
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
            var block = new PeriodBlock(hub.Id, period, now, PrivacyThresholds.For(hub.Settings), BlockComposer.Compose(statistics, hub.Settings));
            blocks.Add(block);
            try
            {
                await unitOfWork.SaveChangesAsync(cancellationToken);
            }
            catch (ConflictException)
            {
                // Two job servers reached the same period together; the unique (hub, period start) kept the first.
                // The refused block is let go, or every later save of this run, for the other hubs too, would retry it.
                blocks.Remove(block);
                outcomes.Add(new PublicationOutcome(hub.Id, period.Key, PublicationResult.PublishedByAnotherRun));
                return outcomes;
            }

            published.Add(new PublishedInterval(period.Start, period.End));
            outcomes.Add(new PublicationOutcome(hub.Id, period.Key, PublicationResult.Published));
        }

        return outcomes;
    }
}
