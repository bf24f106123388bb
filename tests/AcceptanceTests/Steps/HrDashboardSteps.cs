using Microsoft.Playwright;
using Wellbeing.AcceptanceTests.Runner;
using Wellbeing.Testing.Browser;

namespace Wellbeing.AcceptanceTests.Steps;

/// <summary>The HR manager's dashboard in Chromium; signing in is <see cref="SigningInSteps"/>.</summary>
public sealed class HrDashboardSteps(ScenarioContext context)
{
    private IPage Page => context.Get<IPage>(nameof(IPage));

    [Then("^the statistics show when they were published$")]
    public async Task ShowsAsOf()
    {
        Assert.Matches("As of \\d", await Page.Locator("main").InnerTextAsync());
        await Chromium.SaveScreenshotAsync(Page, "hr-dashboard");
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
}
