using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Wellbeing.AcceptanceTests.Runner;
using Wellbeing.Domain.Statistics;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Testing.Browser;

namespace Wellbeing.AcceptanceTests.Steps;

/// <summary>
/// A hub whose months close while the scenario watches: an app of its own with a clock the steps move, members who
/// answer, leave, move and stop, and its HR manager reading every figure in Chromium as a person would.
/// </summary>
public sealed class PublishedMonthSteps(Chromium chromium) : IAsyncDisposable
{
    private const string AllPublishedPeriods = "All published periods";

    private readonly FakeTimeProvider _clock = AppClock.StartingNow();
    private WellbeingAppFactory? _app;
    private HubScenario? _hub;
    private IBrowserContext? _browser;
    private IPage? _hr;
    private IReadOnlyList<Guid> _sales = [];
    private IReadOnlyList<Guid> _operations = [];
    private IReadOnlyDictionary<(string Period, string Department), Reading> _read = new Dictionary<(string, string), Reading>();
    private ReportingPeriod? _closed;

    private HubScenario Hub => _hub ?? throw new InvalidOperationException("An earlier step should have set up the hub.");

    private IPage Hr => _hr ?? throw new InvalidOperationException("An earlier step should have set up the hub.");

    [Given("^a hub whose Sales and Operations teams answered last month$")]
    public async Task HubThatAnsweredLastMonth()
    {
        _app = new WellbeingAppFactory { Clock = _clock, DemoDataEnabled = false };
        var address = _app.StartKestrel();
        _hub = await HubScenario.CreateAsync(_app, "Closing");
        _sales = await _hub.AddMembersAsync("Sales", 12, i => [SalesScore(i)]);
        _operations = await _hub.AddMembersAsync("Operations", 12, i => [i % 2 == 0 ? 20 : 60]);
        await _hub.PublishAsync();
        _browser = await chromium.NewContextAsync(address);
        _hr = await _browser.NewPageAsync();
    }

    [Given("^its HR manager has read every figure$")]
    public async Task HrReadsEveryFigure()
    {
        _read = await ReadEveryFigureAsync();
        Assert.Contains(_read.Values, reading => reading.Export.Any(row => !row.EndsWith(',')));
    }

    [When("^five Sales members answer during this month$")]
    public async Task SalesAnswerNow()
    {
        for (var i = 0; i < 5; i++)
        {
            await Hub.SubmitAsync(_sales[i], SalesScore(i));
        }
    }

    [When("^the publication runs$")]
    public Task PublicationRuns() => Hub.PublishAsync();

    [When("^this month has closed and the publication runs$")]
    public async Task MonthCloses()
    {
        _closed = Hub.OpenMonth;
        _clock.SetUtcNow(_closed.End + ReportingPeriod.Grace);
        await Hub.PublishAsync();
    }

    /// <summary>The member signs in and deletes their account from "My data", ticking the confirmation.</summary>
    [When("^a Sales member deletes their account$")]
    public async Task SalesMemberDeletesTheirAccount()
    {
        var email = await Hub.OpenClientAccountAsync(_sales[0]);
        var page = await Hr.Context.Browser!.NewPageAsync(new BrowserNewPageOptions { BaseURL = _app!.ServerAddress.ToString() });
        await page.SignInAsync(email, DemoHub.Password);
        await page.GotoAsync("/my-data");
        await page.GetByLabel("I understand that my account and all my data will be deleted").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete my account and data" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal("/my-data/deleted", new Uri(page.Url).AbsolutePath);
        await page.CloseAsync();
    }

    [When("^an Operations member moves to Sales$")]
    public Task OperationsMemberMoves() => Hub.MoveAsync(_operations[0], "Sales");

    [When("^an Operations member stops taking part$")]
    public Task OperationsMemberStops() => Hub.DeactivateAsync(_operations[1]);

    [Then("^HR sees no figures for this month$")]
    public async Task NoFiguresForThisMonth()
    {
        var open = Hub.OpenMonth.Key;
        await OpenAsync($"/hubs/{Hub.HubId}/hr");
        Assert.DoesNotContain(open, await OptionsAsync("period"));
        var response = await OpenAsync($"/hubs/{Hub.HubId}/hr?period={open}");
        Assert.Equal(404, response?.Status);
    }

    [Then("^HR can choose this month$")]
    public async Task CanChooseThisMonth()
    {
        await OpenAsync($"/hubs/{Hub.HubId}/hr");
        Assert.Equal(_closed?.Key, (await OptionsAsync("period"))[0]);
    }

    /// <summary>
    /// Each month HR read shows the same figures, in the page, in its row of the table of every month and in the
    /// download; only the mean over all published months moves, by whole months.
    /// </summary>
    [Then("^every figure HR has read is unchanged$")]
    public async Task EveryFigureUnchanged()
    {
        var now = await ReadEveryFigureAsync();
        foreach (var (key, before) in _read)
        {
            var after = now[key];
            Assert.Equal(before.Figures, after.Figures);
            Assert.Equal(before.Months, after.Months.Take(before.Months.Count));
            Assert.Equal(before.Export, after.Export.Where(row => _closed is null || !row.StartsWith(_closed.Key + ",", StringComparison.Ordinal)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _app?.Dispose();
    }

    private static int SalesScore(int member) => member % 2 == 0 ? 40 : 80;

    /// <summary>Every month HR can choose, for the whole hub and each department, as the page and its download show it.</summary>
    private async Task<Dictionary<(string Period, string Department), Reading>> ReadEveryFigureAsync()
    {
        await OpenAsync($"/hubs/{Hub.HubId}/hr");
        var periods = await OptionsAsync("period");
        var departments = await OptionsAsync("department");
        var readings = new Dictionary<(string, string), Reading>();
        foreach (var department in departments)
        {
            foreach (var period in periods)
            {
                await OpenAsync($"/hubs/{Hub.HubId}/hr?period={period}&department={Uri.EscapeDataString(department)}");
                var figures = await Hr.Locator("main > p:has-text('Figures for'), main section:has(#participation-heading), main section:has(#wellbeing-heading), main section:has(#alliance-heading)").AllInnerTextsAsync();
                var months = await Hr.Locator("main section:has(#periods-heading) tbody tr").AllInnerTextsAsync();
                var download = await Hr.APIRequest.GetAsync((await Hr.Locator("main a[download]").GetAttributeAsync("href"))!);
                Assert.Equal(200, download.Status);
                var export = (await download.TextAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1)
                    .Where(row => !row.StartsWith(AllPublishedPeriods, StringComparison.Ordinal))
                    .ToList();
                readings[(period, department)] = new Reading(string.Join("\n", figures), [.. months], export);
            }
        }

        return readings;
    }

    /// <summary>Opens a page as the HR manager, signing in again when the session has ended (the clock may have moved a month).</summary>
    private async Task<IResponse?> OpenAsync(string path)
    {
        var response = await Hr.GotoAsync(path);
        if (new Uri(Hr.Url).AbsolutePath == SignInPage.Path)
        {
            await Hr.SignInAsync(Hub.HrEmail, DemoHub.Password);
            response = await Hr.GotoAsync(path);
        }

        return response;
    }

    /// <summary>The values of a selector on the page, in its order ("" for the whole hub).</summary>
    private async Task<IReadOnlyList<string>> OptionsAsync(string select) =>
        await Hr.Locator($"select#{select} option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)");

    /// <param name="Figures">The chosen month's name, dates and every figure of its sections.</param>
    /// <param name="Months">The rows of the table of every published month.</param>
    /// <param name="Export">The download's rows, without those derived from every month.</param>
    private sealed record Reading(string Figures, IReadOnlyList<string> Months, IReadOnlyList<string> Export);
}
