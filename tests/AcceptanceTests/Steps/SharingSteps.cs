using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Wellbeing.AcceptanceTests.Runner;
using Wellbeing.Infrastructure.Persistence;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Testing.Browser;

namespace Wellbeing.AcceptanceTests.Steps;

/// <summary>A client's share and revoke controls, and what a professional then sees.</summary>
public sealed class SharingSteps(ScenarioContext context, WellbeingAppFactory app, Chromium chromium)
{
    private IPage Page => context.Get<IPage>(nameof(IPage));

    [When("""^they open "([^"]*)" from the menu$""")]
    public async Task OpenFromMenu(string name)
    {
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await Page.WaitForLoadStateAsync(LoadState.Load);
    }

    [When("""^they stop sharing "([^"]*)" with "([^"]*)"$""")]
    public Task StopSharing(string measure, string professional) =>
        Page.GetByRole(AriaRole.Button, new() { Name = $"Stop sharing {measure} with {professional}" }).ClickAsync();

    [Then("""^the page says "([^"]*)" is not shared with "([^"]*)"$""")]
    public async Task NotShared(string measure, string professional)
    {
        // htmx redraws only this professional's card; wait for the swapped-in button.
        await Page.GetByRole(AriaRole.Button, new() { Name = $"Share {measure} with {professional}" }).WaitForAsync();
        await Chromium.SaveScreenshotAsync(Page, "sharing-after-revoke");
    }

    [Then("""^"([^"]*)" sees "\?" as the Wellbeing Index of "([^"]*)"$""")]
    public async Task ProfessionalSeesQuestionMark(string professional, string client)
    {
        string name;
        using (var scope = app.Services.CreateScope())
        {
            name = await scope.ServiceProvider.GetRequiredService<WellbeingDbContext>().Members.Where(m => m.Email == client).Select(m => m.DisplayName).SingleAsync();
        }

        await using var browser = await chromium.NewContextAsync(app.StartKestrel());
        var page = await browser.NewPageAsync();
        await page.SignInAsync(professional, DemoHub.Password);
        await page.GotoAsync($"/clients?search={Uri.EscapeDataString(name)}");
        var row = page.Locator("table.clients tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = name }) });
        Assert.Equal("?", (await row.Locator("td").Nth(1).InnerTextAsync()).Trim());
    }
}
