using Microsoft.Playwright;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Testing.Browser;

namespace Wellbeing.AcceptanceTests.Browser;

/// <summary>An administrator deactivates a member and changes another's department on the hub's members page, each row redrawn in place.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PeopleAdministrationTests(Chromium chromium)
{
    [Fact]
    public async Task Administrator_DeactivatesAMember_AndChangesADepartment_InPlace()
    {
        await using var app = new WellbeingAppFactory();
        await using var context = await chromium.NewContextAsync(app.StartKestrel());
        var scenario = await HubScenario.CreateAsync(app, "People");
        var members = await scenario.AddMembersAsync("Sales", 3);
        var page = await context.NewPageAsync();
        await page.SignInAsync(DemoHub.Administrator, DemoHub.Password);

        await page.GotoAsync($"/admin/hubs/{scenario.HubId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Members", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Members of People");

        var first = page.Locator($"#member-{members[0]}");
        await first.GetByRole(AriaRole.Button, new() { Name = "Deactivate Person 0" }).ClickAsync();
        await Assertions.Expect(first.GetByRole(AriaRole.Button, new() { Name = "Reactivate Person 0" })).ToBeVisibleAsync();
        await Assertions.Expect(first).ToContainTextAsync("Deactivated on");

        var second = page.Locator($"#member-{members[1]}");
        await second.GetByLabel("Department of Person 1").FillAsync("Customer Care");
        await second.GetByRole(AriaRole.Button, new() { Name = "Save the department of Person 1" }).ClickAsync();
        await Assertions.Expect(second.GetByLabel("Department of Person 1")).ToHaveValueAsync("Customer Care");
        await Chromium.AssertAccessibleAsync(page);
        await Chromium.SaveScreenshotAsync(page, "members-deactivated-and-moved");

        // Both were saved: after a reload the active list has the moved member and not the deactivated one.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator($"#member-{members[0]}")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator($"#member-{members[1]}").GetByLabel("Department of Person 1")).ToHaveValueAsync("Customer Care");
        await page.GetByLabel("Show").SelectOptionAsync("Inactive");
        await Assertions.Expect(page.Locator($"#member-{members[0]}")).ToContainTextAsync("Deactivated on");
    }
}
