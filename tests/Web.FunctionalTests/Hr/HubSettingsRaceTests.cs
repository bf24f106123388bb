using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wellbeing.Application.Administration.Commands.ChangeHubSettings;
using Wellbeing.Application.Administration.Queries.GetHub;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Statistics.Commands.PublishClosedPeriods;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Statistics;
using Wellbeing.Infrastructure.Persistence.Providers;
using Wellbeing.Testing;
using Wellbeing.Testing.Databases;
using Wellbeing.Web.FunctionalTests.Databases;

namespace Wellbeing.Web.FunctionalTests.Hr;

/// <summary>
/// An administrator changing k while the publication job runs, on PostgreSQL, where the two really overlap. Whichever
/// comes second, no block is stored with a k the hub no longer has, and the hub's k never drops below a published one.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class HubSettingsRaceTests(PostgresCluster cluster)
{
    [Fact]
    public async Task KLoweredWhileTheJobComputesABlock_TheBlockIsNotStoredWithTheOldK_AndTheNextRunUsesTheNewOne()
    {
        await using var app = await AppAsync();
        var scenario = await HubScenario.CreateAsync(app, "Lowered");
        await scenario.AddMembersAsync("Sales", 12, i => [28 + (4 * i)]);
        await ChangeKAsync(app, scenario.HubId, 8);

        using var scope = app.Services.CreateScope();
        var source = new BeforeTheFirstBlockIsStored(scope.ServiceProvider.GetRequiredService<IPeriodSource>(), () => ChangeKAsync(app, scenario.HubId, 5));
        var raced = await ActivatorUtilities.CreateInstance<PublishClosedPeriodsHandler>(scope.ServiceProvider, source)
            .Handle(new PublishClosedPeriodsCommand(scenario.HubId), CancellationToken.None);
        var next = await scenario.PublishAsync();

        Assert.Equal(PublicationResult.HubChangedMeanwhile, Assert.Single(raced).Result);
        Assert.Equal(scenario.ClosedMonths.Count, next.Count(o => o.Result == PublicationResult.Published));
        var hub = await app.QueryAsync(db => db.Hubs.SingleAsync(h => h.Id == scenario.HubId));
        var published = await app.QueryAsync(db => db.PeriodBlocks.Where(b => b.HubId == scenario.HubId).Select(b => b.K).ToListAsync());
        Assert.Equal(5, hub.Settings.K);
        Assert.All(published, k => Assert.Equal(5, k));
    }

    [Fact]
    public async Task BlockPublishedWhileAnAdministratorLowersK_TheSaveIsRefusedAsAConflict_NotBelowThePublishedK()
    {
        await using var app = await AppAsync();
        var scenario = await HubScenario.CreateAsync(app, "Raised");
        await scenario.AddMembersAsync("Sales", 12, i => [28 + (4 * i)]);
        await ChangeKAsync(app, scenario.HubId, 8);

        // The administrator's use case has checked what is published (nothing yet) when the job publishes with k = 8.
        using var scope = app.Services.CreateScope();
        var blocks = new PublishingAfterTheCheck(scope.ServiceProvider.GetRequiredService<IRepository<PeriodBlock>>(), async () => await scenario.PublishAsync());
        var handler = ActivatorUtilities.CreateInstance<ChangeHubSettingsHandler>(scope.ServiceProvider, blocks);
        var stored = await scope.ServiceProvider.GetRequiredService<GetHubHandler>().Handle(new GetHubQuery(scenario.HubId), CancellationToken.None);
        var lowered = stored.Hub with { Settings = stored.Hub.Settings with { K = 5 } };

        var conflict = await Assert.ThrowsAsync<ConflictException>(() => handler.Handle(new ChangeHubSettingsCommand(scenario.HubId, lowered, stored.Version), CancellationToken.None));

        Assert.Equal(ChangeHubSettingsHandler.ChangedMeanwhile, conflict.Message);
        Assert.True(blocks.Published);
        var hub = await app.QueryAsync(db => db.Hubs.SingleAsync(h => h.Id == scenario.HubId));
        var published = await app.QueryAsync(db => db.PeriodBlocks.Where(b => b.HubId == scenario.HubId).Select(b => b.K).ToListAsync());
        Assert.Equal(8, hub.Settings.K);
        Assert.NotEmpty(published);
        Assert.All(published, k => Assert.Equal(8, k));

        // Sent again from the hub as it now is, the rule for published figures refuses it beside the field.
        await using var retry = app.Services.CreateAsyncScope();
        var again = await retry.ServiceProvider.GetRequiredService<GetHubHandler>().Handle(new GetHubQuery(scenario.HubId), CancellationToken.None);
        var refused = await Assert.ThrowsAsync<HubRefusedException>(() => retry.ServiceProvider.GetRequiredService<ChangeHubSettingsHandler>()
            .Handle(new ChangeHubSettingsCommand(scenario.HubId, lowered, again.Version), CancellationToken.None));
        Assert.Equal([HubField.K], refused.Errors.Select(e => e.Field));
    }

    private async Task<WellbeingAppFactory> AppAsync() => new()
    {
        DatabaseProvider = DatabaseProvider.Postgres,
        ConnectionString = await cluster.CreateDatabaseAsync($"hubrace_{Guid.NewGuid():N}"),
        DemoDataEnabled = false,
    };

    /// <summary>Changes the hub's k (k_dist kept) through the administrator's use case, from the hub as it is now.</summary>
    private static async Task ChangeKAsync(WellbeingAppFactory app, Guid hubId, int k)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<GetHubHandler>().Handle(new GetHubQuery(hubId), CancellationToken.None);
        var changed = stored.Hub with { Settings = stored.Hub.Settings with { K = k } };
        await scope.ServiceProvider.GetRequiredService<ChangeHubSettingsHandler>().Handle(new ChangeHubSettingsCommand(hubId, changed, stored.Version), CancellationToken.None);
    }

    /// <summary>Reads like the real source; after the first read (the job has the hub's settings) runs <paramref name="meanwhile"/> once.</summary>
    private sealed class BeforeTheFirstBlockIsStored(IPeriodSource inner, Func<Task> meanwhile) : IPeriodSource
    {
        private bool _done;

        public async Task<PeriodStatistics> ReadAsync(Guid hubId, ReportingPeriod period, CancellationToken cancellationToken)
        {
            var statistics = await inner.ReadAsync(hubId, period, cancellationToken);
            if (!_done)
            {
                _done = true;
                await meanwhile();
            }

            return statistics;
        }
    }

    /// <summary>
    /// The blocks as the administrator's use case reads them; right after it lists the published thresholds (its check
    /// of the published-figures rule), the job publishes from a scope of its own.
    /// </summary>
    private sealed class PublishingAfterTheCheck(IRepository<PeriodBlock> inner, Func<Task> publish) : IRepository<PeriodBlock>
    {
        public bool Published { get; private set; }

        public async Task<List<TResult>> ListAsync<TResult>(ISpecification<PeriodBlock, TResult> specification, CancellationToken cancellationToken = default)
        {
            var listed = await inner.ListAsync(specification, cancellationToken);
            if (!Published)
            {
                Published = true;
                await publish();
            }

            return listed;
        }

        public Task<PeriodBlock?> FirstOrDefaultAsync(ISpecification<PeriodBlock> specification, CancellationToken cancellationToken = default) =>
            inner.FirstOrDefaultAsync(specification, cancellationToken);

        public Task<TResult?> FirstOrDefaultAsync<TResult>(ISpecification<PeriodBlock, TResult> specification, CancellationToken cancellationToken = default) =>
            inner.FirstOrDefaultAsync(specification, cancellationToken);

        public Task<List<PeriodBlock>> ListAsync(ISpecification<PeriodBlock> specification, CancellationToken cancellationToken = default) =>
            inner.ListAsync(specification, cancellationToken);

        public Task<int> CountAsync(ISpecification<PeriodBlock> specification, CancellationToken cancellationToken = default) =>
            inner.CountAsync(specification, cancellationToken);

        public Task<bool> AnyAsync(ISpecification<PeriodBlock> specification, CancellationToken cancellationToken = default) =>
            inner.AnyAsync(specification, cancellationToken);

        public void Add(PeriodBlock entity) => inner.Add(entity);

        public void Remove(PeriodBlock entity) => inner.Remove(entity);
    }
}
