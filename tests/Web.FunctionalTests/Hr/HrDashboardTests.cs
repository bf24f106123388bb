using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Wellbeing.Domain.Statistics;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Hr;

/// <summary>The demo HR manager's dashboard and export, read over HTTP as the manager would.</summary>
public sealed class HrDashboardTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Hr_RedirectsToTheirOwnHub()
    {
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.HrManager);
        var northwind = await app.Factory.HubIdAsync("northwind");

        var response = await client.Http.GetAsync("/hr");

        Assert.Equal($"/hubs/{northwind}/hr", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task DemoDashboard_ShowsTheLatestClosedMonth_ItsParticipation_AndTheInterpretationNotes()
    {
        var northwind = await app.Factory.HubIdAsync("northwind");
        var latest = await app.Factory.QueryAsync(db => db.PeriodBlocks.Where(b => b.HubId == northwind).OrderBy(b => b.PeriodStart).LastAsync());
        var enrolled = await app.Factory.QueryAsync(db => db.Members.CountAsync(m =>
            m.HubId == northwind && m.EnrolledAt < latest.PeriodEnd && (m.DeactivatedAt == null || m.DeactivatedAt >= latest.PeriodStart)));
        var month = DateTime.ParseExact(latest.PeriodKey, "yyyy-MM", CultureInfo.InvariantCulture).ToString("MMMM yyyy", CultureInfo.InvariantCulture);
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.HrManager);

        var (status, body) = await client.GetAsync($"/hubs/{northwind}/hr");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"Figures for <strong>{month}</strong>", body);
        Assert.Equal(latest.PeriodKey, HrReading.PeriodOptions(body).Selected);
        Assert.Equal(enrolled.ToString(CultureInfo.InvariantCulture), HrReading.Figure(body, "Enrolled members"));
        Assert.Contains("Signals, not verdicts", body);
        Assert.Contains("A support tool, not a performance metric", body);
        Assert.Contains("Wellbeing Index, every published month", body);
        Assert.Matches("Mean over all published periods \\(0-100\\)</dt><dd>\\s*<span class=\"figure\">\\d+</span>", body);
    }

    /// <summary>The demo has several closed months the moment it starts: real figures, and some honestly hidden.</summary>
    [Fact]
    public async Task DemoDashboard_OnFirstStart_ShowsRealMonthlyFigures_AndHidesSome()
    {
        var northwind = await app.Factory.HubIdAsync("northwind");
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.HrManager);
        var hub = await client.PageAsync(HrReading.PagePath(northwind));
        var pages = new List<string> { hub };
        foreach (var department in HrReading.DepartmentOptions(hub))
        {
            pages.Add(await client.PageAsync(HrReading.PagePath(northwind, department: department)));
        }

        Assert.Contains(HrReading.PeriodRows(hub), row => row.Contains("<span class=\"figure\">", StringComparison.Ordinal));
        Assert.Contains(pages, page => HrReading.SelectedFigures(page).Contains(null));
    }

    [Fact]
    public async Task PeriodSelector_OffersEveryPublishedMonth_NewestFirst_AndEveryFigureNamesTheChosenOne()
    {
        var northwind = await app.Factory.HubIdAsync("northwind");
        var published = await app.Factory.QueryAsync(db => db.PeriodBlocks.Where(b => b.HubId == northwind).OrderByDescending(b => b.PeriodStart).Select(b => b.PeriodKey).ToListAsync());
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.HrManager);
        var earliest = published[^1];
        var month = DateTime.ParseExact(earliest, "yyyy-MM", CultureInfo.InvariantCulture);
        var name = month.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

        var latest = await client.PageAsync(HrReading.PagePath(northwind));
        var chosen = await client.PageAsync(HrReading.PagePath(northwind, earliest));

        Assert.Equal(published, HrReading.PeriodOptions(latest).Periods);
        Assert.Equal(earliest, HrReading.PeriodOptions(chosen).Selected);
        var monthAndYear = month.ToString("MMM yyyy", CultureInfo.InvariantCulture);
        Assert.Contains($"Figures for <strong>{name}</strong> (1 {monthAndYear} to {DateTime.DaysInMonth(month.Year, month.Month)} {monthAndYear})", chosen);
        foreach (var heading in new[] { $"Participation in {name}", $"Wellbeing Index in {name}", $"Professional Alliance in {name} (whole hub)" })
        {
            Assert.Contains(heading, chosen);
        }

        Assert.Contains($"export.csv?period={earliest}", chosen);
    }

    [Theory]
    [InlineData("2031-01")]
    [InlineData("not-a-period")]
    [InlineData("open")]
    public async Task UnknownPeriod_IsNotFound_OnThePageAndTheExport_AndIsNeverEchoed(string period)
    {
        var northwind = await app.Factory.HubIdAsync("northwind");
        var zone = await app.Factory.QueryAsync(db => db.Hubs.Where(h => h.Id == northwind).Select(h => h.TimeZoneId).SingleAsync());
        // The month under way has no published figures yet.
        var asked = period == "open" ? ReportingPeriod.Containing(DateTimeOffset.UtcNow, ReportingPeriodLength.Month, zone).Key : period;
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.HrManager);

        var (page, body) = await client.GetAsync(HrReading.PagePath(northwind, asked));
        var export = await client.Http.GetAsync(HrReading.ExportPath(northwind, asked));

        Assert.Equal(HttpStatusCode.NotFound, page);
        Assert.Equal(HttpStatusCode.NotFound, export.StatusCode);
        Assert.DoesNotContain(asked, body);
        Assert.DoesNotContain(asked, await export.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DemoDashboard_ShowsSomeDepartmentsFigures_AndHidesOthersHonestly()
    {
        var northwind = await app.Factory.HubIdAsync("northwind");
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.HrManager);

        var (_, sales) = await client.GetAsync($"/hubs/{northwind}/hr?department=Sales");

        Assert.Contains("department Sales", sales);
        Assert.Contains(HrReading.NotEnough, sales);
        Assert.Contains("<span class=\"figure\">", sales);
    }

    [Theory]
    [InlineData("/hubs/{0}/hr?department=Sales&department=Finance", "Choose one department at a time.")]
    [InlineData("/hubs/{0}/hr?period={1}&period={1}", "Give period at most once.")]
    [InlineData("/hubs/{0}/hr/export.csv?period={1}&period=2020-01", "Give period at most once.")]
    public async Task TwoDepartmentsOrPeriodsAtOnce_AreRefusedWithAClearError(string path, string message)
    {
        var northwind = await app.Factory.HubIdAsync("northwind");
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.HrManager);
        var latest = await app.Factory.QueryAsync(db => db.PeriodBlocks.Where(b => b.HubId == northwind).OrderBy(b => b.PeriodStart).LastAsync());

        var (status, body) = await client.GetAsync(string.Format(CultureInfo.InvariantCulture, path, northwind, latest.PeriodKey));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, body);
        Assert.DoesNotContain("<span class=\"figure\">", body);
    }

    // In the demo two of the ten members of Engineering and of Finance never respond, so their shares are hidden every
    // month; whether the whole hub hides any figure depends on the day the demo was seeded.
    [Theory]
    [InlineData(null, false)]
    [InlineData("Engineering", true)]
    [InlineData("Finance", true)]
    public async Task Export_HoldsExactlyTheFiguresOnScreen_InTheirOrder_HiddenOnesEmpty(string? department, bool hidesSome)
    {
        var northwind = await app.Factory.HubIdAsync("northwind");
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.HrManager);
        var page = await client.PageAsync(HrReading.PagePath(northwind, department: department));
        var period = HrReading.PeriodOptions(page).Selected;

        var response = await client.Http.GetAsync(HrReading.ExportPath(northwind, period, department));
        var rows = HrReading.Rows(await response.Content.ReadAsStringAsync());

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HrReading.Figures(HrReading.MainContent(page)), rows.Select(r => r.Value.Length == 0 ? null : r.Value));
        // Every figure is the scope's except the alliance mean, which is computed over the whole hub only.
        Assert.All(rows.Where(r => !r.Section.StartsWith("Professional Alliance", StringComparison.Ordinal)), r => Assert.Equal(department ?? "Whole hub", r.Scope));
        Assert.Equal("Whole hub", Assert.Single(rows, r => r.Section.StartsWith("Professional Alliance", StringComparison.Ordinal)).Scope);
        // Each row says which period it describes: the chosen one, each published one in the table, or all of them.
        var selected = HrReading.SelectedFigures(page).Count;
        Assert.All(rows.Take(selected), r => Assert.Equal(period, r.Period));
        Assert.Equal([.. HrReading.PeriodOptions(page).Periods.Reverse().SelectMany(p => new[] { p, p }), "All published periods"], rows.Skip(selected).Select(r => r.Period));
        Assert.True(!hidesSome || rows.Any(r => r.Value.Length == 0), "A hidden figure is exported as an empty value.");
        Assert.Contains(rows, r => r.Value.Length > 0);
    }

    [Theory]
    [InlineData("client1@demo.wellbeing.test", "/hubs/{0}/hr")]
    [InlineData("client1@demo.wellbeing.test", "/hubs/{0}/hr/export.csv")]
    [InlineData(DemoHub.FirstProfessional, "/hubs/{0}/hr")]
    [InlineData(DemoHub.FirstProfessional, "/hubs/{0}/hr/export.csv")]
    [InlineData(DemoHub.Administrator, "/hubs/{0}/hr")]
    [InlineData(DemoHub.Administrator, "/hubs/{0}/hr/export.csv")]
    public async Task PageAndExport_RefuseOtherRoles(string email, string path)
    {
        var northwind = await app.Factory.HubIdAsync("northwind");
        var client = await BrowserlessClient.SignedInAsync(app.Factory, email);

        var response = await client.Http.GetAsync(string.Format(CultureInfo.InvariantCulture, path, northwind));

        Assert.Contains("/errors/403", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/hubs/{0}/hr")]
    [InlineData("/hubs/{0}/hr/export.csv")]
    [InlineData("/hubs/{0}/hr/export.csv?period={1}")]
    public async Task PageAndExport_SendAnonymousToSignIn_AndAreNotFoundForAnotherHubsHr(string path)
    {
        var northwind = await app.Factory.HubIdAsync("northwind");
        var period = await app.Factory.QueryAsync(db => db.PeriodBlocks.Where(b => b.HubId == northwind).Select(b => b.PeriodKey).FirstAsync());
        var address = string.Format(CultureInfo.InvariantCulture, path, northwind, period);
        var anonymous = await BrowserlessClient.For(app.Factory).Http.GetAsync(address);
        var other = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.OtherHubHrManager);

        var (status, body) = await other.GetAsync(address);

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
        var response = await client.PostFormAsync(string.Format(ownPage, northwind), "/admin/statistics/publish", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/errors/403", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AdminTrigger_WithoutAntiforgeryToken_IsRejected()
    {
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);

        var response = await admin.Http.PostAsync("/admin/statistics/publish", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
