using System.Net;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Pages;

/// <summary>Every page is tried by an anonymous caller, by each wrong role and, where a hub is in the URL, by another hub.</summary>
public sealed class PageAuthorizationTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Client = "client1@demo.wellbeing.test";

    public static TheoryData<string, string> WrongRoles => new()
    {
        { "/dashboard", DemoHub.FirstProfessional },
        { "/dashboard", DemoHub.HrManager },
        { "/dashboard", DemoHub.Administrator },
        { "/clients", Client },
        { "/clients", DemoHub.HrManager },
        { "/clients", DemoHub.Administrator },
        { "/admin", Client },
        { "/admin", DemoHub.FirstProfessional },
        { "/admin", DemoHub.HrManager },
        { "/admin/partners", Client },
        { "/admin/partners", DemoHub.FirstProfessional },
        { "/admin/partners", DemoHub.HrManager },
        { "/hr", Client },
        { "/hr", DemoHub.FirstProfessional },
        { "/hr", DemoHub.Administrator },
    };

    [Theory]
    [InlineData("/")]
    [InlineData("/dashboard")]
    [InlineData("/clients")]
    [InlineData("/admin")]
    [InlineData("/admin/partners")]
    [InlineData("/hr")]
    public async Task Anonymous_IsSentToSignIn(string path)
    {
        var response = await BrowserlessClient.For(app.Factory).Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Anonymous_CannotOpenAHubsStatistics()
    {
        var hubId = await app.Factory.HubIdAsync("northwind");

        var response = await BrowserlessClient.For(app.Factory).Http.GetAsync($"/hubs/{hubId}/hr");

        Assert.Contains("/account/login", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [MemberData(nameof(WrongRoles))]
    public async Task WrongRole_IsRefused(string path, string email)
    {
        var client = await BrowserlessClient.SignedInAsync(app.Factory, email);

        var response = await client.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/errors/403", response.Headers.Location?.OriginalString);
    }

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
