using Microsoft.Playwright;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Testing.Browser;

namespace Wellbeing.AcceptanceTests.Browser;

/// <summary>An administrator creates a hub in the browser, and is told why an edit that weakens published figures is refused.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HubAdministrationTests(Chromium chromium)
{
    [Fact]
    public async Task Administrator_CreatesAHub_AfterCorrectingKBesideItsField()
    {
        await using var app = new WellbeingAppFactory();
        await using var context = await chromium.NewContextAsync(app.StartKestrel());
        var page = await context.NewPageAsync();
        await page.SignInAsync(DemoHub.Administrator, DemoHub.Password);

        await page.GotoAsync("/admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Create a hub" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Contoso Care");
        await page.GetByLabel("Organisation").FillAsync("Contoso Ltd");
        await page.GetByLabel("Short name").FillAsync("contoso");
        await page.GetByLabel("Time zone").FillAsync("Europe/Dublin");
        await page.GetByLabel("k: fewest people behind a number").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create hub" }).ClickAsync();

        var k = page.GetByLabel("k: fewest people behind a number");
        await Assertions.Expect(page.Locator("#Form_K-error")).ToHaveTextAsync("The minimum group size k cannot be below 3.");
        await Assertions.Expect(k).ToHaveValueAsync("2");
        await Assertions.Expect(k).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByLabel("Organisation")).ToHaveValueAsync("Contoso Ltd");
        await Chromium.AssertAccessibleAsync(page);
        await Chromium.SaveScreenshotAsync(page, "hub-create-refused-k");

        await k.FillAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create hub" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The hub was created. Its settings can be changed here.");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Contoso Care");
        await page.GotoAsync("/admin");
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "Contoso Care" })).ToContainTextAsync("Contoso Ltd");
    }

    [Fact]
    public async Task Administrator_LoweringKAfterPublication_IsToldWhyItIsRefused()
    {
        await using var app = new WellbeingAppFactory();
        await using var context = await chromium.NewContextAsync(app.StartKestrel());
        var scenario = await HubScenario.CreateAsync(app, "Published");
        await scenario.AddMembersAsync("Sales", 6, i => [40 + (4 * i)]);
        await scenario.PublishAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(DemoHub.Administrator, DemoHub.Password);

        await page.GotoAsync($"/admin/hubs/{scenario.HubId}");
        await page.GetByLabel("k: fewest people behind a number").FillAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        await Assertions.Expect(page.Locator("#Form_K-error")).ToContainTextAsync("k cannot go below 5 now that HR figures are published");
        await Assertions.Expect(page.GetByLabel("k: fewest people behind a number")).ToHaveValueAsync("4");
        await Chromium.SaveScreenshotAsync(page, "hub-edit-refused-after-publication");
    }

    [Fact]
    public async Task SecondAdministratorSavingTheSameHub_IsToldItChanged_AndKeepsWhatTheyTyped()
    {
        await using var app = new WellbeingAppFactory();
        await using var context = await chromium.NewContextAsync(app.StartKestrel());
        var scenario = await HubScenario.CreateAsync(app, "Shared");
        var first = await context.NewPageAsync();
        await first.SignInAsync(DemoHub.Administrator, DemoHub.Password);
        var second = await context.NewPageAsync();
        await first.GotoAsync($"/admin/hubs/{scenario.HubId}");
        await second.GotoAsync($"/admin/hubs/{scenario.HubId}");

        await first.GetByLabel("k: fewest people behind a number").FillAsync("7");
        await first.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(first.GetByRole(AriaRole.Status)).ToHaveTextAsync("The changes were saved.");
        await second.GetByLabel("k: fewest people behind a number").FillAsync("6");
        await second.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        await Assertions.Expect(second.GetByRole(AriaRole.Alert)).ToContainTextAsync("This hub was changed after you opened the form");
        await Assertions.Expect(second.GetByLabel("k: fewest people behind a number")).ToHaveValueAsync("6");
        await Chromium.AssertAccessibleAsync(second);
        await Chromium.SaveScreenshotAsync(second, "hub-edit-conflict");
    }
}
