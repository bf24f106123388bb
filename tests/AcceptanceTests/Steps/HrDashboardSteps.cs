using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Wellbeing.AcceptanceTests.Runner;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Testing.Browser;

namespace Wellbeing.AcceptanceTests.Steps;

/// <summary>The HR manager's dashboard in Chromium; signing in is <see cref="SigningInSteps"/>.</summary>
public sealed class HrDashboardSteps(ScenarioContext context, WellbeingAppFactory app)
{
    /// <summary>The figures of the chosen month's sections, in the order the download's first rows hold them.</summary>
    public const string ChosenMonthFigures =
        "main section:is(:has(#participation-heading), :has(#wellbeing-heading), :has(#alliance-heading)) :is(.figure, .suppressed)";

    private IPage Page => context.Get<IPage>(nameof(IPage));

    /// <summary>The month chosen in the period selector, as its value ("2026-05") and as the page names it ("May 2026").</summary>
    private (string Key, string Name) Month => context.Get<(string, string)>("month");

    [Then("^the figures are those of the last closed month$")]
    public async Task LastClosedMonth()
    {
        var northwind = await app.HubIdAsync(DemoHub.Slug);
        var (key, start, zone) = await app.QueryAsync(async db =>
        {
            var latest = await db.PeriodBlocks.Where(b => b.HubId == northwind).OrderBy(b => b.PeriodStart).LastAsync();
            return (latest.PeriodKey, latest.PeriodStart, await db.Hubs.Where(h => h.Id == northwind).Select(h => h.TimeZoneId).SingleAsync());
        });
        var name = TimeZoneInfo.ConvertTime(start, TimeZoneInfo.FindSystemTimeZoneById(zone)).ToString("MMMM yyyy", CultureInfo.InvariantCulture);

        Assert.Equal(key, await Page.Locator("select#period").InputValueAsync());
        Assert.Contains($"Figures for {name}", await Page.Locator("main").InnerTextAsync());
        await Chromium.SaveScreenshotAsync(Page, "hr-dashboard");
    }

    /// <summary>The period selector lists the newest month first.</summary>
    [When("^they choose the month before the last one$")]
    public async Task ChooseMonthBeforeLast()
    {
        var earlier = Page.Locator("select#period option").Nth(1);
        context.Set("month", (await earlier.GetAttributeAsync("value") ?? string.Empty, await earlier.InnerTextAsync()));
        await Page.GetByRole(AriaRole.Combobox, new() { Name = "Period", Exact = true }).SelectOptionAsync(Month.Key);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    [Then("^every section names that month$")]
    public async Task SectionsNameTheMonth()
    {
        var main = await Page.Locator("main").InnerTextAsync();
        foreach (var heading in new[] { "Figures for", "Participation in", "Wellbeing Index in", "Professional Alliance in" })
        {
            Assert.Contains($"{heading} {Month.Name}", main);
        }

        Assert.Equal(Month.Key, await Page.Locator("select#period").InputValueAsync());
        await Chromium.SaveScreenshotAsync(Page, "hr-dashboard-earlier-month");
    }

    /// <summary>The download link of the page, fetched in the HR manager's own signed-in browser.</summary>
    [Then("^the downloaded figures are that month's, exactly as shown$")]
    public async Task DownloadIsTheMonth()
    {
        var shown = await Page.Locator(ChosenMonthFigures).AllInnerTextsAsync();
        var download = await Page.APIRequest.GetAsync((await Page.Locator("main a[download]").GetAttributeAsync("href"))!);
        var rows = (await download.TextAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(shown.Count).ToList();

        Assert.Contains(shown, figure => AsExported(figure).Length > 0);
        Assert.All(rows, row => Assert.StartsWith(Month.Key + ",", row));
        Assert.Equal(shown.Select(AsExported), rows.Select(r => r[(r.LastIndexOf(',') + 1)..]));
    }

    [When("""^they choose the department "([^"]*)"$""")]
    public async Task ChooseDepartment(string department)
    {
        await Page.GetByLabel("Department").SelectOptionAsync(department);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    [Then("""^some figures are shown and some say "([^"]*)"$""")]
    public async Task SomeShownSomeHidden(string hidden)
    {
        Assert.True(await Page.Locator("main .figure").CountAsync() > 0);
        Assert.Equal(await Page.Locator("main .suppressed").CountAsync(), await Page.GetByText(hidden, new() { Exact = true }).CountAsync());
        Assert.True(await Page.Locator("main .suppressed").CountAsync() > 0);
        await Chromium.SaveScreenshotAsync(Page, "hr-dashboard-department");
    }

    /// <summary>Typed into the address bar, as the selector only offers departments the published months know.</summary>
    [When("""^they ask for the department "([^"]*)"$""")]
    public async Task AskForDepartment(string department)
    {
        var northwind = await app.HubIdAsync(DemoHub.Slug);
        context.Set("response", await Page.GotoAsync($"/hubs/{northwind}/hr?department={Uri.EscapeDataString(department)}"));
    }

    [Then("""^the statistics are not found and "([^"]*)" is not repeated$""")]
    public async Task NotFound(string department)
    {
        var response = context.Get<IResponse?>("response");
        Assert.Equal(404, response?.Status);
        Assert.DoesNotContain(department, await Page.ContentAsync());
    }

    [Then("""^the download of the department "([^"]*)" is not found either$""")]
    public async Task DownloadNotFound(string department)
    {
        var northwind = await app.HubIdAsync(DemoHub.Slug);
        var download = await Page.APIRequest.GetAsync($"/hubs/{northwind}/hr/export.csv?department={Uri.EscapeDataString(department)}");
        Assert.Equal(404, download.Status);
        Assert.DoesNotContain(department, await download.TextAsync());
    }

    /// <summary>A figure as the download writes it: without its unit, and empty where the page says "Not enough responses".</summary>
    public static string AsExported(string figure) =>
        figure == "Not enough responses" ? string.Empty : figure.Replace(" %", string.Empty, StringComparison.Ordinal);
}
