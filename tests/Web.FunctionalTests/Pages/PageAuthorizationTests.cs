using System.Net;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Pages;

/// <summary>
/// How refusals and missing pages read, for people and for machines. Which caller may use which route is in
/// AuthorizationMatrixTests.
/// </summary>
public sealed class PageAuthorizationTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task HrManagerOfAnotherHub_GetsNotFound_NotForbidden()
    {
        var northwind = await app.Factory.HubIdAsync("northwind");
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.OtherHubHrManager);

        var (status, body) = await client.GetAsync($"/hubs/{northwind}/hr");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.DoesNotContain("Northwind", body);
    }

    [Fact]
    public async Task HrManager_AskingForAHubThatDoesNotExist_GetsTheSameNotFound()
    {
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.HrManager);

        var (status, body) = await client.GetAsync($"/hubs/{Guid.NewGuid()}/hr");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("There is nothing here, or it is not yours to see.", body);
    }

    [Fact]
    public async Task MachineCaller_GetsProblemDetails_WithoutInternals()
    {
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.HrManager);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/hubs/{Guid.NewGuid()}/hr");
        request.Headers.Accept.ParseAdd("application/json");

        var response = await client.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":404", body);
        Assert.DoesNotContain("Exception", body);
    }

    [Fact]
    public async Task UnknownPage_ShowsTheFriendlyNotFoundPage()
    {
        var (status, body) = await BrowserlessClient.For(app.Factory).GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Not found", body);
    }

    [Fact]
    public async Task HealthEndpoint_ReportsHealthyWithTheDatabase()
    {
        var (status, body) = await BrowserlessClient.For(app.Factory).GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body);
    }
}
