using Microsoft.Extensions.DependencyInjection;
using Wellbeing.Infrastructure.Jobs;
using Wellbeing.Infrastructure.Persistence;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Messaging;

/// <summary>
/// The outbox job reads what it needs to decide about a batch (members, hubs, licences, sessions, latest indexes) up
/// front: the number of reading commands of a run is the same whatever the batch holds; only the saves grow with it.
/// </summary>
public sealed class OutboxQueryCountTests
{
    [Fact]
    public async Task Run_ReadsAsOftenForSixMessagesOfThreeHubsAsForTwoMessagesOfOne()
    {
        await using var world = OutboxWorld.Create();
        await QueueBothKindsAsync(world, await world.MemberAsync());
        var small = await QueriesOfARunAsync(world);
        for (var i = 0; i < 3; i++)
        {
            await QueueBothKindsAsync(world, await world.MemberAsync());
        }

        var large = await QueriesOfARunAsync(world);

        Assert.Equal(8, world.Smtp.Received.Count);
        Assert.Equal(small, large);
    }

    private static async Task QueueBothKindsAsync(OutboxWorld world, OutboxMember member)
    {
        await world.QueueWellbeingAsync(member);
        await world.QueueAllianceInvitationAsync(member);
    }

    /// <summary>One run of the job, as Hangfire runs it, counting the reading commands of its scope's database context.</summary>
    private static async Task<int> QueriesOfARunAsync(OutboxWorld world)
    {
        await using var scope = world.Factory.Services.CreateAsyncScope();
        using var counter = new CommandCounter(scope.ServiceProvider.GetRequiredService<WellbeingDbContext>());
        await scope.ServiceProvider.GetRequiredService<OutboxJob>().RunAsync(CancellationToken.None);
        return counter.Queries;
    }
}
