using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Wellbeing.AcceptanceTests.Runner;
using Wellbeing.Testing;
using Wellbeing.Testing.Browser;

namespace Wellbeing.AcceptanceTests.Steps;

/// <summary>A professional finding a client and reading their profile in Chromium.</summary>
public sealed class ClientProfileSteps(ScenarioContext context, WellbeingAppFactory app)
{
    private const string NotAvailable = "Not available: the client has not completed this yet or does not share it with you.";
    private readonly List<string> _wellbeingSections = [];
    private readonly List<string> _searches = [];
    private string _clientName = string.Empty;

    private IPage Page => context.Get<IPage>(nameof(IPage));

    [When("""^they search their clients for "([^"]*)"$""")]
    public async Task SearchFor(string email)
    {
        await Page.GotoAsync("/clients");
        await ChangeSearch(email);
    }

    /// <summary>Types into the search box of the page already open: htmx pushes each search into the history.</summary>
    [When("""^they change the search to "([^"]*)"$""")]
    public async Task ChangeSearch(string email)
    {
        _clientName = await app.QueryAsync(db => db.Members.Where(m => m.Email == email).Select(m => m.DisplayName).SingleAsync());
        _searches.Add(_clientName);
        await Page.GetByLabel("Search by name").FillAsync(_clientName);

        // htmx swaps the rows in after a short pause in typing.
        await Page.Locator("#client-rows caption").Filter(new LocatorFilterOptions { HasText = $"matching \"{_clientName}\"" }).WaitForAsync();
        await Chromium.SaveScreenshotAsync(Page, "clients-search");
    }

    [When("^they open that client's profile$")]
    public async Task OpenThatProfile()
    {
        await Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = $"Open the profile of {_clientName}" }).ClickAsync();
        await Page.WaitForURLAsync("**/clients/*");
        Assert.Equal(_clientName, await Page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 }).InnerTextAsync());
        await Chromium.SaveScreenshotAsync(Page, "client-profile");
    }

    [When("""^they open the profile of "([^"]*)", who .*$""")]
    public async Task OpenProfileOf(string email)
    {
        var memberId = await app.QueryAsync(db => db.Members.Where(m => m.Email == email).Select(m => m.Id).SingleAsync());
        await Page.GotoAsync($"/clients/{memberId}");
        _wellbeingSections.Add(await Page.Locator("#wellbeing").InnerHTMLAsync());
    }

    /// <summary>htmx keeps its history snapshots in session storage; without them Back asks the server (a history restore).</summary>
    [When("^the browser no longer holds htmx's copy of earlier pages$")]
    public Task ForgetHtmxHistory() => Page.EvaluateAsync("sessionStorage.removeItem('htmx-history-cache')");

    /// <summary>Waits for htmx's history restore request, which Back sends when htmx holds no copy of the page.</summary>
    [When("^they go back$")]
    public Task GoBack() =>
        Page.RunAndWaitForResponseAsync(() => Page.GoBackAsync(), response => response.Request.Headers.ContainsKey("hx-history-restore-request"));

    [Then("^the whole client list is shown, with its header and the search box$")]
    public async Task WholeClientList()
    {
        // The restored page is the earlier search: its box holds the earlier name.
        await Page.WaitForFunctionAsync("name => document.querySelector('#search')?.value === name", _searches[^2], new PageWaitForFunctionOptions { Timeout = 10_000 });
        Assert.Equal(1, await Page.Locator("header.site-header").CountAsync());
        Assert.True(await Page.GetByLabel("Search by name").IsVisibleAsync());
        Assert.Equal(1, await Page.Locator("#client-rows").CountAsync());
        await Chromium.SaveScreenshotAsync(Page, "clients-after-back");
    }

    [When("^they reload the profile$")]
    public Task Reload() => Page.ReloadAsync();

    [Then("^the Wellbeing Index shows a score out of 100 and a bracket$")]
    public async Task WellbeingShown()
    {
        var section = await Page.Locator("#wellbeing").InnerTextAsync();
        Assert.Matches(@"\d+\s*/ 100\s*(Poor|Moderate|Good)", section);
        Assert.DoesNotContain(NotAvailable, section);
    }

    [Then("^the Professional Alliance shows a score out of 7$")]
    public async Task AllianceShown() =>
        Assert.Matches(@"\d\.\d\s*/ 7", await Page.Locator("#alliance").InnerTextAsync());

    [Then("""^the Wellbeing Index shows "\?"$""")]
    public async Task WellbeingUnknown()
    {
        Assert.Equal("?", await Page.Locator("#wellbeing .number").InnerTextAsync());
        Assert.Contains(NotAvailable, await Page.Locator("#wellbeing").InnerTextAsync());
        await Chromium.SaveScreenshotAsync(Page, "client-profile-question-mark");
    }

    [Then("^both Wellbeing Index sections read the same$")]
    public void SectionsTheSame()
    {
        Assert.Equal(2, _wellbeingSections.Count);
        Assert.Equal(_wellbeingSections[0], _wellbeingSections[1]);
    }
}
