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

    [When("""^they stop sharing "([^"]*)" with "([^"]*)"$""")]
    public Task StopSharing(string measure, string professional) => StopSharingOn(Page, measure, professional);

    /// <summary>The client does it in a browser of their own while the professional's page stays open.</summary>
    [When("""^"([^"]*)" stops sharing their (Wellbeing Index|Professional Alliance) with "([^"]*)"$""")]
    public async Task ClientStopsSharing(string clientEmail, string measure, string professionalEmail)
    {
        var professional = await NameOfAsync(db => db.Professionals.Where(p => p.Email == professionalEmail).Select(p => p.DisplayName));
        await using var browser = await chromium.NewContextAsync(app.StartKestrel());
        var page = await browser.NewPageAsync();
        await page.SignInAsync(clientEmail, DemoHub.Password);
        await page.GotoAsync("/sharing");
        await StopSharingOn(page, measure, professional);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Share {measure} with {professional}" }).WaitForAsync();
    }

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
        var name = await NameOfAsync(db => db.Members.Where(m => m.Email == client).Select(m => m.DisplayName));
        await using var browser = await chromium.NewContextAsync(app.StartKestrel());
        var page = await browser.NewPageAsync();
        await page.SignInAsync(professional, DemoHub.Password);
        await page.GotoAsync($"/clients?search={Uri.EscapeDataString(name)}");
        var row = page.Locator("table.clients tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = name }) });
        Assert.Equal("?", (await row.Locator("td").Nth(1).InnerTextAsync()).Trim());
    }

    private static Task StopSharingOn(IPage page, string measure, string professional) =>
        page.GetByRole(AriaRole.Button, new() { Name = $"Stop sharing {measure} with {professional}" }).ClickAsync();

    private async Task<string> NameOfAsync(Func<WellbeingDbContext, IQueryable<string>> query)
    {
        using var scope = app.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<WellbeingDbContext>()).SingleAsync();
    }
}
