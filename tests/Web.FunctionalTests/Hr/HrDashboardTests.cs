using System.Net;
using Microsoft.EntityFrameworkCore;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Hr;

/// <summary>The demo HR manager's dashboard and export, read over HTTP as the manager would.</summary>
public sealed class HrDashboardTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string NotEnough = "Not enough responses";

    [Fact]
    public async Task Hr_RedirectsToTheirOwnHub()
    {
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.HrManager);
        var northwind = await app.Factory.HubIdAsync("northwind");

        var response = await client.Http.GetAsync("/hr");

        Assert.Equal($"/hubs/{northwind}/hr", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task DemoDashboard_ShowsThePublishedParticipation_AndTheInterpretationNotes()
    {
        var northwind = await app.Factory.HubIdAsync("northwind");
        var enrolled = await app.Factory.QueryAsync(db => db.Members.CountAsync(m => m.HubId == northwind && m.DeactivatedAt == null));
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.HrManager);

        var (status, body) = await client.GetAsync($"/hubs/{northwind}/hr");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("As of", body);
        Assert.Matches($"Enrolled members</dt><dd>\\s*<span class=\"figure\">{enrolled}</span>", body);
        Assert.Contains("Signals, not verdicts", body);
        Assert.Contains("A support tool, not a performance metric", body);
        Assert.Contains("Monthly means", body);
        Assert.Matches("All-time mean \\(0-100\\)</dt>\\s*<dd>\\s*<span class=\"figure\">\\d+</span>\\s*<span class=\"bracket\">\\((Poor|Moderate|Good)\\)</span>", body);
    }

    [Fact]
    public async Task DemoDashboard_ShowsSomeDepartmentsFigures_AndHidesOthersHonestly()
    {
        var northwind = await app.Factory.HubIdAsync("northwind");
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.HrManager);

        var (_, sales) = await client.GetAsync($"/hubs/{northwind}/hr?department=Sales");

        Assert.Contains("department Sales", sales);
        Assert.Contains(NotEnough, sales);
        Assert.Contains("<span class=\"figure\">", sales);
    }

    [Fact]
    public async Task TwoDepartmentsAtOnce_AreRefusedWithAClearError()
    {
        var northwind = await app.Factory.HubIdAsync("northwind");
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.HrManager);

        var (status, body) = await client.GetAsync($"/hubs/{northwind}/hr?department=Sales&department=Finance");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.DoesNotContain("<span class=\"figure\">", body);
    }

    [Fact]
    public async Task Export_HoldsExactlyTheFiguresOnScreen_HiddenOnesEmpty()
    {
        var northwind = await app.Factory.HubIdAsync("northwind");
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.HrManager);
        var (_, page) = await client.GetAsync($"/hubs/{northwind}/hr?department=Sales");

        var response = await client.Http.GetAsync($"/hubs/{northwind}/hr/export.csv?department=Sales");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Scope,As of (UTC),Section,Figure,Period,Value", lines[0]);
        // Every figure is the department's except the alliance mean, which is computed over the whole hub only.
        Assert.All(lines.Skip(1).Where(l => !l.Contains(",Professional Alliance", StringComparison.Ordinal)), l => Assert.StartsWith("Sales,", l));
        Assert.StartsWith("Whole hub,", Assert.Single(lines, l => l.Contains(",Professional Alliance", StringComparison.Ordinal)));
        var shown = System.Text.RegularExpressions.Regex.Matches(page, "<span class=\"figure\">([^<]*)</span>").Select(m => m.Groups[1].Value.Replace(" %", string.Empty)).ToList();
        var hidden = System.Text.RegularExpressions.Regex.Matches(page, "<span class=\"suppressed\">").Count;
        var values = lines.Skip(1).Select(l => l[(l.LastIndexOf(',') + 1)..]).ToList();
        Assert.Equal(shown, values.Where(v => v.Length > 0));
        Assert.Equal(hidden, values.Count(v => v.Length == 0));
    }

    [Theory]
    [InlineData("client1@demo.wellbeing.test")]
    [InlineData(DemoHub.FirstProfessional)]
    [InlineData(DemoHub.Administrator)]
    public async Task Export_RefusesOtherRoles(string email)
    {
        var northwind = await app.Factory.HubIdAsync("northwind");
        var client = await BrowserlessClient.SignedInAsync(app.Factory, email);

        var response = await client.Http.GetAsync($"/hubs/{northwind}/hr/export.csv");

        Assert.Contains("/errors/403", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Export_RefusesAnonymous_AndOtherHubsHrGetsNotFound()
    {
        var northwind = await app.Factory.HubIdAsync("northwind");
        var anonymous = await BrowserlessClient.For(app.Factory).Http.GetAsync($"/hubs/{northwind}/hr/export.csv");
        var other = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.OtherHubHrManager);

        var (status, body) = await other.GetAsync($"/hubs/{northwind}/hr/export.csv");

        Assert.Contains("/account/login", anonymous.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.DoesNotContain("Northwind", body);
    }

    [Theory]
    [InlineData(DemoHub.HrManager, "/hubs/{0}/hr")]
    [InlineData(DemoHub.FirstProfessional, "/clients")]
    [InlineData("client1@demo.wellbeing.test", "/dashboard")]
    public async Task AdminTrigger_IsForAdministratorsOnly(string email, string ownPage)
    {
        var client = await BrowserlessClient.SignedInAsync(app.Factory, email);
        var northwind = await app.Factory.HubIdAsync("northwind");

        // A valid antiforgery token from a page the user may open, so only the role decides.
        var response = await client.PostFormAsync(string.Format(ownPage, northwind), "/admin/aggregates/refresh", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/errors/403", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AdminTrigger_WithoutAntiforgeryToken_IsRejected()
    {
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);

        var response = await admin.Http.PostAsync("/admin/aggregates/refresh", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
