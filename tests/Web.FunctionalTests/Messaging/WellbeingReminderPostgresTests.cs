using Microsoft.Extensions.Time.Testing;
using Wellbeing.Domain.Messaging;
using Wellbeing.Infrastructure.Persistence.Providers;
using Wellbeing.Testing;
using Wellbeing.Testing.Databases;
using Wellbeing.Web.FunctionalTests.Databases;

namespace Wellbeing.Web.FunctionalTests.Messaging;

/// <summary>The reminder job on PostgreSQL, where concurrent runs really do overlap (SQLite takes writers one at a time).</summary>
[Collection(PostgresCollection.Name)]
public sealed class WellbeingReminderPostgresTests(PostgresCluster cluster)
{
    [Fact]
    public async Task Run_FourTimesAtOnceAndAgain_RecordsEachMessageOnce()
    {
        var now = new DateTimeOffset(DateTime.UtcNow.Date.AddHours(10), TimeSpan.Zero);
        await using var app = new WellbeingAppFactory
        {
            DatabaseProvider = DatabaseProvider.Postgres,
            ConnectionString = await cluster.CreateDatabaseAsync($"reminders_{Guid.NewGuid():N}"),
            Clock = new FakeTimeProvider(now),
            DemoDataEnabled = false,
        };
        var hub = await HubScenario.CreateAsync(app, "Reminders");
        var due = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            due.Add(await hub.MemberWithAccountAsync(now.AddDays(-15 - i)));
        }

        var notYet = await hub.MemberWithAccountAsync(now.AddDays(-13));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(app.RunReminderJobAsync)));
        await app.RunReminderJobAsync();

        foreach (var member in due)
        {
            Assert.Equal([MessageKind.WellbeingReminder, MessageKind.WellbeingFollowUp], (await app.OutboxOfAsync(member)).Select(m => m.Kind));
        }

        Assert.Empty(await app.OutboxOfAsync(notYet));
    }
}
