using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Wellbeing.Domain.Professionals;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Testing.Browser;

namespace Wellbeing.AcceptanceTests.Browser;

/// <summary>
/// An administrator deactivates a member and changes another's department on the hub's members page, each row redrawn
/// in place; and connects, refuses and disconnects clients on the professionals page, redrawn in place too.
/// </summary>
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

    [Fact]
    public async Task Administrator_ConnectsAndDisconnectsAClient_OnTheProfessionalsPage_WithoutReloadingIt()
    {
        await using var app = new WellbeingAppFactory();
        await using var context = await chromium.NewContextAsync(app.StartKestrel());
        var scenario = await HubScenario.CreateAsync(app, "Carers");
        var memberId = (await scenario.AddMembersAsync("Sales", 1))[0];
        var email = await app.QueryAsync(db => db.Members.Where(m => m.Id == memberId).Select(m => m.Email).SingleAsync());
        var professional = new Professional("Dr Browser", $"browser-{Guid.NewGuid():N}@scenario.test", "Psychologist");
        professional.JoinHub(scenario.HubId, DateTimeOffset.UtcNow);
        await app.ChangeAsync(db =>
        {
            db.Professionals.Add(professional);
            return Task.CompletedTask;
        });
        var page = await context.NewPageAsync();
        await page.SignInAsync(DemoHub.Administrator, DemoHub.Password);

        await page.GotoAsync($"/admin/hubs/{scenario.HubId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Professionals and their clients" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Professionals of Carers");
        // A full reload would drop this; htmx's swaps keep it.
        await page.EvaluateAsync("() => { window.notReloaded = true; }");
        var card = page.Locator($"#professional-{professional.Id}");

        await card.GetByLabel("Connect a client: the member's e-mail address").FillAsync("nobody@scenario.test");
        await card.GetByRole(AriaRole.Button, new() { Name = "Connect a client to Dr Browser" }).ClickAsync();
        await Assertions.Expect(page.Locator($"#connect-{professional.Id}-error")).Not.ToBeEmptyAsync();
        await Assertions.Expect(card.GetByLabel("Connect a client: the member's e-mail address")).ToHaveValueAsync("nobody@scenario.test");

        await card.GetByLabel("Connect a client: the member's e-mail address").FillAsync(email);
        await card.GetByRole(AriaRole.Button, new() { Name = "Connect a client to Dr Browser" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The client was connected.");
        await Assertions.Expect(card.GetByRole(AriaRole.Rowheader, new() { Name = "Person 0" })).ToBeVisibleAsync();
        await Chromium.AssertAccessibleAsync(page);

        await card.GetByRole(AriaRole.Button, new() { Name = "Disconnect Person 0 from Dr Browser" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The client was disconnected");
        await Assertions.Expect(card.GetByRole(AriaRole.Rowheader, new() { Name = "Person 0" })).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the page was reloaded");
        Assert.Equal(0, await app.QueryAsync(db => db.ClientConnections.CountAsync(c => c.HubId == scenario.HubId)));
    }
}
