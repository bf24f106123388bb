using Microsoft.Playwright;
using Wellbeing.AcceptanceTests.Runner;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Testing.Browser;

namespace Wellbeing.AcceptanceTests.Steps;

/// <summary>Signing in and landing, driven in Chromium exactly as a person would.</summary>
public sealed class SigningInSteps(ScenarioContext context, WellbeingAppFactory app, Chromium chromium)
{
    private const string SecondTab = "SecondTab";

    private IPage Page => context.Get<IPage>(nameof(IPage));

    [Given("^the demo hub is running$")]
    public async Task DemoHubIsRunning()
    {
        var browser = await chromium.NewContextAsync(app.StartKestrel());
        context.Set(nameof(IPage), await browser.NewPageAsync());
    }

    [When("""^"([^"]*)" signs in with the demo password$""")]
    public Task SignsInWithDemoPassword(string email) => Page.SignInAsync(email, DemoHub.Password);

    [When("""^"([^"]*)" signs in with the password "([^"]*)"$""")]
    public Task SignsInWith(string email, string password) => Page.SignInAsync(email, password);

    [Given("^the sign-in page is also open in a second tab$")]
    public async Task SecondTabOnSignInPage()
    {
        var tab = await Page.Context.NewPageAsync();
        await tab.GotoAsync(SignInPage.Path);
        context.Set(SecondTab, tab);
    }

    /// <summary>Submits the form the second tab loaded before the first signed in; from then on the steps look at that tab.</summary>
    [When("""^"([^"]*)" signs in with the demo password from the second tab too$""")]
    public async Task SignInFromSecondTab(string email)
    {
        var tab = context.Get<IPage>(SecondTab);
        await tab.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await tab.GetByLabel("Password", new() { Exact = true }).FillAsync(DemoHub.Password);
        await tab.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await tab.WaitForLoadStateAsync(LoadState.Load);
        context.Set(nameof(IPage), tab);
    }

    [When("""^a signed-out visitor opens "([^"]*)"$""")]
    public Task OpensSignedOut(string path) => Page.GotoAsync(path);

    [When("""^they open "([^"]*)" from the menu$""")]
    public async Task OpenFromMenu(string link)
    {
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
        await Page.WaitForLoadStateAsync(LoadState.Load);
        await Chromium.SaveScreenshotAsync(Page, "menu-" + link.ToLowerInvariant().Replace(' ', '-'));
    }

    [Then("""^they land on "([^"]*)"$""")]
    public async Task LandsOn(string path)
    {
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.StartsWith(path, new Uri(Page.Url).PathAndQuery, StringComparison.Ordinal);
        await Chromium.SaveScreenshotAsync(Page, "landing" + path.Replace('/', '-').TrimEnd('-'));
    }

    [Then("""^the page shows "([^"]*)"$""")]
    public async Task PageShows(string text) =>
        Assert.Contains(text, await Page.Locator("main").InnerTextAsync());

    /// <summary>A phone's width: nothing may need sideways scrolling. The screenshot is named after the page's path without ids.</summary>
    [Then("^the page fits a 360 px wide screen$")]
    public async Task FitsPhone()
    {
        await Page.SetViewportSizeAsync(360, 740);
        Assert.True(
            await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
            $"{new Uri(Page.Url).AbsolutePath} scrolls sideways on a 360 px screen.");
        var path = System.Text.RegularExpressions.Regex.Replace(new Uri(Page.Url).AbsolutePath, "/[0-9a-f-]{36}", string.Empty);
        await Chromium.SaveScreenshotAsync(Page, "360px" + path.Replace('/', '-'));
    }

    [Then("^the page has no serious accessibility problems$")]
    public Task Accessible() => Chromium.AssertAccessibleAsync(Page);

    [Then("""^the sign-in page says "([^"]*)"$""")]
    public async Task SignInPageSays(string message)
    {
        Assert.Equal(SignInPage.Path, new Uri(Page.Url).AbsolutePath);
        Assert.Contains(message, await Page.GetByRole(AriaRole.Alert).InnerTextAsync());
    }

    [Then("""^the e-mail field still holds "([^"]*)"$""")]
    public async Task EmailFieldHolds(string email) =>
        Assert.Equal(email, await Page.GetByLabel("Email").InputValueAsync());
}
