using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Wellbeing.Infrastructure.Jobs;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Hr;

/// <summary>The administrator's button queues the Hangfire job and the job publishes; an app of its own polls every second.</summary>
public sealed class AdminPublishTriggerTests : IDisposable
{
    private readonly WellbeingAppFactory _factory = new();

    public AdminPublishTriggerTests() => _factory.Settings[JobsDependencyInjection.PollingIntervalSetting] = "1";

    [Fact]
    public async Task AdminTrigger_QueuesThePublication_AndTheJobPublishesTheClosedMonths()
    {
        var scenario = await HubScenario.CreateAsync(_factory, "Trigger");
        await scenario.AddMembersAsync("Sales", 6, i => [i % 2 == 0 ? 40 : 80]);
        var admin = await BrowserlessClient.SignedInAsync(_factory, DemoHub.Administrator);

        var response = await admin.PostFormAsync("/admin", "/admin/statistics/publish", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
        var closedMonths = scenario.ClosedMonths.Count;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await scenario.BlockCountAsync() < closedMonths && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        var monitor = _factory.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi();
        Assert.True(
            await scenario.BlockCountAsync() == closedMonths,
            $"{await scenario.BlockCountAsync()} of {closedMonths} months published; failed: {string.Join(" | ", monitor.FailedJobs(0, 5).Select(j => j.Value.ExceptionMessage))}; enqueued {monitor.EnqueuedCount("default")}; succeeded {monitor.SucceededListCount()}");
    }

    public void Dispose() => _factory.Dispose();
}
