using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Statistics.Commands.PublishClosedPeriods;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Statistics;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Hr;

/// <summary>The publication of hub periods when two job servers run it at once.</summary>
public sealed class PublicationRaceTests
{
    /// <summary>
    /// Another run stores the first hub's first period between this run's read and its save. This run skips that hub
    /// and still publishes every closed period of the next hub: the refused block does not ride along into its saves.
    /// </summary>
    [Fact]
    public async Task AnotherRunStoringTheSamePeriodFirst_IsSkipped_AndTheNextHubIsStillPublished()
    {
        using var factory = new WellbeingAppFactory { DemoDataEnabled = false };
        var first = await HubScenario.CreateAsync(factory, "Alpha");
        var second = await HubScenario.CreateAsync(factory, "Beta");
        await first.AddMembersAsync("Sales", 6, 60);
        await second.AddMembersAsync("Sales", 6, 60);

        using var scope = factory.Services.CreateScope();
        var source = new AnotherRunFirst(scope.ServiceProvider.GetRequiredService<IPeriodSource>(), factory.Services);
        var handler = ActivatorUtilities.CreateInstance<PublishClosedPeriodsHandler>(scope.ServiceProvider, source);
        var outcomes = await handler.Handle(new PublishClosedPeriodsCommand(), CancellationToken.None);

        Assert.Equal([new PublicationOutcome(first.HubId, source.RacedPeriod!, PublicationResult.PublishedByAnotherRun)], outcomes.Where(o => o.HubId == first.HubId));
        var secondOutcomes = outcomes.Where(o => o.HubId == second.HubId).ToList();
        Assert.NotEmpty(secondOutcomes);
        Assert.All(secondOutcomes, o => Assert.Equal(PublicationResult.Published, o.Result));
        Assert.Equal(secondOutcomes.Count, await second.BlockCountAsync());
        Assert.Equal(1, await first.BlockCountAsync());
    }

    /// <summary>Reads like the real source; on the first read, another run stores that period from a context of its own.</summary>
    private sealed class AnotherRunFirst(IPeriodSource inner, IServiceProvider services) : IPeriodSource
    {
        public string? RacedPeriod { get; private set; }

        public async Task<PeriodStatistics> ReadAsync(Guid hubId, ReportingPeriod period, CancellationToken cancellationToken)
        {
            var statistics = await inner.ReadAsync(hubId, period, cancellationToken);
            if (RacedPeriod is null)
            {
                using var scope = services.CreateScope();
                var db = scope.ServiceProvider;
                var hub = await db.GetRequiredService<IRepository<Hub>>().FirstOrDefaultAsync(new Application.Common.Specifications.Shared.HubByIdSpec(hubId), cancellationToken);
                var block = new PeriodBlock(hubId, period, DateTimeOffset.UtcNow, PrivacyThresholds.For(hub!.Settings), BlockComposer.Compose(statistics, hub.Settings));
                db.GetRequiredService<IRepository<PeriodBlock>>().Add(block);
                await db.GetRequiredService<IUnitOfWork>().SaveChangesAsync(cancellationToken);
                RacedPeriod = period.Key;
            }

            return statistics;
        }
    }
}
