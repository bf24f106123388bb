using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Aggregates;
using Wellbeing.Domain.Hubs;

namespace Wellbeing.Application.Aggregates.Commands.RefreshAggregates;

/// <summary>Recomputes the statistics of every hub (or one) and publishes a snapshot where the privacy rules allow.</summary>
public sealed record RefreshAggregatesCommand(Guid? HubId = null);

public sealed record RefreshResult(IReadOnlyList<Guid> Published, IReadOnlyList<Guid> Held);

public sealed class RefreshAggregatesHandler(
    IRepository<Hub> hubs,
    IRepository<Snapshot> snapshots,
    IAggregateSource source,
    IUnitOfWork unitOfWork,
    TimeProvider clock)
{
    public async Task<RefreshResult> Handle(RefreshAggregatesCommand command, CancellationToken cancellationToken)
    {
        var asOf = clock.GetUtcNow();
        var selected = command.HubId is { } id
            ? await hubs.ListAsync(new HubsByIdsSpec([id]), cancellationToken)
            : await hubs.ListAsync(new AllHubsSpec(), cancellationToken);
        var published = new List<Guid>();
        var held = new List<Guid>();
        foreach (var hub in selected)
        {
            var snapshot = await ComposeAsync(hub, asOf, cancellationToken);
            if (snapshot is null)
            {
                held.Add(hub.Id);
                continue;
            }

            snapshots.Add(snapshot);
            published.Add(hub.Id);
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new RefreshResult(published, held);
    }

    private async Task<Snapshot?> ComposeAsync(Hub hub, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var thresholds = PrivacyThresholds.For(hub.Settings);
        var previous = await snapshots.FirstOrDefaultAsync(new LatestSnapshotSpec(hub.Id), cancellationToken);
        var fresh = await source.CountNewPeopleAsync(hub.Id, previous?.AsOf, asOf, cancellationToken);

        // Until k new people have responded, HR keeps seeing the previous snapshot (rule 5).
        if (!PrivacyRules.MayPublishNewSnapshot([fresh.Wellbeing, fresh.Alliance], fresh.InAll, thresholds))
        {
            return null;
        }

        var months = ReportingMonth.Between(hub.CreatedAt, asOf, hub.TimeZoneId);
        var statistics = await source.ReadAsync(hub.Id, months, asOf, cancellationToken);
        var publishable = SnapshotComposer.PublishableMonths(statistics, thresholds);
        var people = new Dictionary<string, int>();
        foreach (var scope in SnapshotComposer.ScopesNeedingPeopleCount(statistics, publishable))
        {
            var included = months.Where(m => publishable[scope].Contains(m.Key)).ToList();
            people[scope] = await source.CountWellbeingPeopleAsync(hub.Id, Segments.DepartmentName(scope), included, asOf, cancellationToken);
        }

        var cells = SnapshotComposer.Compose(statistics, months, publishable, people, hub.Settings);
        if (previous is not null)
        {
            var byDepartment = await source.CountNewPeopleByDepartmentAsync(hub.Id, previous.AsOf, asOf, cancellationToken);
            cells = SnapshotComposer.KeepEarlierFigures(cells, previous, PrivacyRules.DepartmentsWithNewFigures(byDepartment, thresholds));
        }

        var everyone = previous is null ? fresh : await source.CountNewPeopleAsync(hub.Id, since: null, asOf, cancellationToken);
        return new Snapshot(hub.Id, asOf, thresholds.K, thresholds.KDistribution, everyone.InAll, cells);
    }
}
