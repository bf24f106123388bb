using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Wellbeing.Application.Professionals.Queries.GetMyClients;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;
using static Wellbeing.Testing.PartnerSystem;

namespace Wellbeing.Web.FunctionalTests.Logging;

/// <summary>
/// What the app writes to its log when it refuses a request, captured with the app's own logging configuration: an
/// expected refusal (not found, not allowed, no token) is one short line without a stack trace or personal data, and
/// only a fault is an Error.
/// </summary>
public sealed class RefusalLoggingTests : LogCapturingTests
{
    [Fact]
    public async Task AnUnknownClientId_IsOneShortLineWithoutError()
    {
        var professional = await BrowserlessClient.SignedInAsync(App, DemoHub.FirstProfessional);
        Logs.Clear();

        var (status, _) = await professional.GetAsync($"/clients/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, status);
        AssertOneBriefRefusal(404);
    }

    [Fact]
    public async Task AnotherHubsHrPage_IsOneShortLineWithoutError()
    {
        var fabrikam = await App.HubIdAsync("fabrikam");
        var hr = await BrowserlessClient.SignedInAsync(App, DemoHub.HrManager);
        Logs.Clear();

        var (status, _) = await hr.GetAsync($"/hubs/{fabrikam}/hr");

        Assert.Equal(HttpStatusCode.NotFound, status);
        AssertOneBriefRefusal(404);
    }

    [Fact]
    public async Task AnApiCallWithoutToken_IsOneShortLineWithoutError()
    {
        var northwind = await App.HubIdAsync(DemoHub.Slug);
        var http = App.CreateClient();
        Logs.Clear();

        var response = await GetAsync(http, AggregatesPath(northwind), token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        AssertOneBriefRefusal(401);
    }

    [Fact]
    public async Task AnApiCallWithAForgedToken_IsOneShortLineWithoutError()
    {
        var northwind = await App.HubIdAsync(DemoHub.Slug);
        var http = App.CreateClient();
        Logs.Clear();

        var response = await GetAsync(http, AggregatesPath(northwind), token: "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        AssertOneBriefRefusal(401);
    }

    [Fact]
    public async Task AFault_IsStillAnErrorWithItsStackTrace()
    {
        using var faulty = new WellbeingAppFactory
        {
            TestServices = services =>
            {
                services.AddSingleton<ILoggerProvider>(new FakeLoggerProvider(Logs));
                services.AddScoped<IMyClientsReader, BrokenReader>();
            },
        };
        var professional = await BrowserlessClient.SignedInAsync(faulty, DemoHub.FirstProfessional);
        Logs.Clear();

        var (status, _) = await professional.GetAsync("/clients");

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        var error = Assert.Single(Logs.GetSnapshot(), r => r.Level >= LogLevel.Error);
        Assert.IsType<InvalidOperationException>(error.Exception);
    }

    /// <summary>
    /// Nothing at Error, no exception attached, and exactly one record naming the status, short enough to be a line:
    /// the route template and status fit in far less, a stack trace or a token's claims do not.
    /// </summary>
    private void AssertOneBriefRefusal(int status)
    {
        // Hangfire's background server logs on its own schedule, whatever the request.
        var records = Logs.GetSnapshot().Where(r => r.Category?.StartsWith("Hangfire", StringComparison.Ordinal) != true).ToList();
        Assert.DoesNotContain(records, r => r.Level >= LogLevel.Error);
        Assert.DoesNotContain(records, r => r.Exception is not null);
        Assert.DoesNotContain(records, r => r.Message.Contains('@') || r.Message.Contains("Demo", StringComparison.Ordinal));
        var refusal = Assert.Single(records, r => r.Message.Contains($" {status}", StringComparison.Ordinal));
        Assert.InRange(refusal.Level, LogLevel.Information, LogLevel.Warning);
        Assert.True(records.Sum(r => r.Message.Length) < 300, string.Join("\n", records.Select(r => $"{r.Level} {r.Category}: {r.Message}")));
    }

    private sealed class BrokenReader : IMyClientsReader
    {
        public Task<MyClientsSlice> ReadAsync(MyClientsFilter filter, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The read model is broken.");
    }
}
