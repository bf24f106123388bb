using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Wellbeing.Infrastructure.Jobs;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Hr;

/// <summary>The administrator's button queues the Hangfire job and the job publishes; an app of its own polls every second.</summary>
public sealed class AdminRefreshTriggerTests : IDisposable
{
    private readonly WellbeingAppFactory factory = new();

    public AdminRefreshTriggerTests() => factory.Settings[JobsDependencyInjection.PollingIntervalSetting] = "1";

    [Fact]
    public async Task AdminTrigger_QueuesTheRefresh_AndTheJobRuns()
    {
        var scenario = await HubScenario.CreateAsync(factory, "Trigger");
        await scenario.AddMembersAsync("Sales", 6, 60);
        var admin = await BrowserlessClient.SignedInAsync(factory, DemoHub.Administrator);

        var response = await admin.PostFormAsync("/admin", "/admin/aggregates/refresh", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await scenario.SnapshotCountAsync() == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        var monitor = factory.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi();
        Assert.True(await scenario.SnapshotCountAsync() == 1, $"failed: {string.Join(" | ", monitor.FailedJobs(0, 5).Select(j => j.Value.ExceptionMessage + j.Value.ExceptionDetails))}; enqueued {monitor.EnqueuedCount("default")}; servers {monitor.Servers().Count}; succeeded {monitor.SucceededListCount()}");
    }

    public void Dispose() => factory.Dispose();
}
