using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Wellbeing.Application.Accounts.Commands.CreateAdministrator;
using Wellbeing.Infrastructure.Jobs;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Testing.Browser;

namespace Wellbeing.AcceptanceTests.Browser;

/// <summary>
/// An administrator invites a hub's HR manager in the browser; the HR manager opens the link from the e-mail the SMTP
/// server received, chooses a password and lands on the hub's HR page, signed in.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class InvitationAcceptanceTests(Chromium chromium)
{
    [Fact]
    public async Task HrManager_AcceptsTheEmailedInvitation_AndSeesTheHubsHrPage()
    {
        const string admin = "admin@onboarding.test";
        const string hr = "hr.manager@contoso.test";
        await using var smtp = new LoopbackSmtpServer();
        await using var app = new WellbeingAppFactory { DemoDataEnabled = false }.WithSmtp(smtp);
        var address = app.StartKestrel();
        var hub = await HubScenario.CreateAsync(app, "Contoso");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<CreateAdministratorHandler>().Handle(new(admin, DemoHub.Password), CancellationToken.None)).Succeeded);
        }

        await using var adminContext = await chromium.NewContextAsync(address);
        var adminPage = await adminContext.NewPageAsync();
        await adminPage.SignInAsync(admin, DemoHub.Password);
        await adminPage.GotoAsync($"/admin/hubs/{hub.HubId}");
        await adminPage.GetByRole(AriaRole.Link, new() { Name = "Invitations: HR managers, professionals and members" }).ClickAsync();
        await adminPage.Locator("#HrManager_Email").FillAsync(hr);
        await adminPage.GetByRole(AriaRole.Button, new() { Name = "Invite HR manager" }).ClickAsync();
        await Assertions.Expect(adminPage.GetByRole(AriaRole.Status)).ToHaveTextAsync("The invitation was recorded; its e-mail goes out within a minute.");
        await Assertions.Expect(adminPage.GetByRole(AriaRole.Row, new() { Name = hr })).ToContainTextAsync("HR manager");
        await Chromium.AssertAccessibleAsync(adminPage);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OutboxJob>().RunAsync(CancellationToken.None);
        }

        var email = Assert.Single(smtp.Received, m => m.To.Mailboxes.Any(t => t.Address == hr));
        var link = new Uri(Link().Match(email.TextBody ?? string.Empty).Value).AbsolutePath;
        await using var hrContext = await chromium.NewContextAsync(address);
        var hrPage = await hrContext.NewPageAsync();
        await hrPage.GotoAsync(link);
        await Assertions.Expect(hrPage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Create your account");
        await Chromium.AssertAccessibleAsync(hrPage);
        await hrPage.GetByLabel("Password", new() { Exact = true }).FillAsync("Contoso!2026hr");
        await hrPage.GetByLabel("Password again").FillAsync("Contoso!2026hr");
        await hrPage.GetByRole(AriaRole.Button, new() { Name = "Create account and sign in" }).ClickAsync();

        await Assertions.Expect(hrPage).ToHaveURLAsync(new Regex($"/hubs/{hub.HubId}/hr$"));
        await Assertions.Expect(hrPage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Contoso");
        await Chromium.SaveScreenshotAsync(hrPage, "invitation-accepted-hr-page");
    }

    [GeneratedRegex(@"http://localhost/invitation/[A-Za-z0-9._-]+")]
    private static partial Regex Link();
}
