using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Wellbeing.AcceptanceTests.Runner;
using Wellbeing.Application.Accounts.Commands.CreateAdministrator;
using Wellbeing.Infrastructure.Jobs;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Testing.Browser;

namespace Wellbeing.AcceptanceTests.Steps;

/// <summary>
/// A new employer onboarded in Chromium on an installation of its own: no demo data, the first administrator made by
/// the create-admin use case, the app's e-mail going to a real SMTP server on loopback, and Hangfire polling every
/// second so the member import's job runs while the page watches it. The shared steps (signing in, the menu, "the page
/// shows") act on the page this class puts in the scenario's context.
/// </summary>
public sealed partial class OnboardingSteps(ScenarioContext context, Chromium chromium) : IAsyncDisposable
{
    private readonly LoopbackSmtpServer _smtp = new();
    private WellbeingAppFactory? _app;
    private IBrowserContext? _browser;

    private IPage Page => context.Get<IPage>(nameof(IPage));

    private WellbeingAppFactory App => _app ?? throw new InvalidOperationException("An earlier step should have started the installation.");

    [Given("""^an installation with no hubs, whose first administrator is "([^"]*)"$""")]
    public async Task EmptyInstallation(string administrator)
    {
        _app = new WellbeingAppFactory { DemoDataEnabled = false }.WithSmtp(_smtp);
        _app.Settings[JobsDependencyInjection.PollingIntervalSetting] = "1";
        var address = _app.StartKestrel();
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<CreateAdministratorHandler>().Handle(new(administrator, DemoHub.Password), CancellationToken.None);
            Assert.True(created.Succeeded, "the first administrator is created");
        }

        _browser = await chromium.NewContextAsync(address);
        context.Set(nameof(IPage), await _browser.NewPageAsync());
    }

    [When("""^they create the hub "([^"]*)" of "([^"]*)" with the short name "([^"]*)" in "([^"]*)"$""")]
    public async Task CreateHub(string name, string organisation, string slug, string timeZone)
    {
        await Page.GotoAsync("/admin");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Create a hub" }).ClickAsync();
        await Page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await Page.GetByLabel("Organisation").FillAsync(organisation);
        await Page.GetByLabel("Short name").FillAsync(slug);
        await Page.GetByLabel("Time zone").FillAsync(timeZone);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create hub" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);
    }

    [When("""^they invite "([^"]*)" as the HR manager of "([^"]*)"$""")]
    public async Task InviteHrManager(string email, string hub)
    {
        await OpenHubPageAsync(hub, "Invitations: HR managers, professionals and members");
        await Page.Locator("#HrManager_Email").FillAsync(email);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Invite HR manager" }).ClickAsync();
        await ExpectRecordedAsync(email);
    }

    [When("""^they invite the professional "([^"]*)", "([^"]*)", "([^"]*)" to "([^"]*)"$""")]
    public async Task InviteProfessional(string name, string title, string email, string hub)
    {
        await OpenHubPageAsync(hub, "Invitations: HR managers, professionals and members");
        await Page.Locator("#Professional_Name").FillAsync(name);
        await Page.Locator("#Professional_Title").FillAsync(title);
        await Page.Locator("#Professional_Email").FillAsync(email);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Invite professional" }).ClickAsync();
        await ExpectRecordedAsync(email);
    }

    /// <summary>The table is the HR system's file as a spreadsheet saves it: a header of column names, comma separated.</summary>
    [When("""^they import these employees into "([^"]*)":$""")]
    public async Task Import(string hub, StepTable employees)
    {
        var csv = new StringBuilder().AppendJoin(',', employees.Header).Append("\r\n");
        foreach (var row in employees.Cells.Skip(1))
        {
            csv.AppendJoin(',', row).Append("\r\n");
        }

        await OpenHubPageAsync(hub, "Import members from a CSV file");
        await Page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "employees.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv.ToString()) });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Checked: waiting for your confirmation" })).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Confirm and import" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Completed" })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Chromium.SaveScreenshotAsync(Page, "onboarding-import-completed");
    }

    [Then(@"^the import is completed with (\d+) created and (\d+) rejected$")]
    public async Task ImportCompleted(int created, int rejected)
    {
        await Assertions.Expect(Page.Locator("#count-created")).ToHaveTextAsync(created.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(Page.Locator("#count-rejected")).ToHaveTextAsync(rejected.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [When("""^they invite every member of "([^"]*)" without an account$""")]
    public async Task InviteMembers(string hub)
    {
        await OpenHubPageAsync(hub, "Invitations: HR managers, professionals and members");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Invite every member without an account and without a pending invitation" }).ClickAsync();
        await Page.WaitForLoadStateAsync(LoadState.Load);
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
    }

    [When("""^they connect "([^"]*)" to "([^"]*)" in "([^"]*)"$""")]
    public async Task Connect(string memberEmail, string professional, string hub)
    {
        await OpenHubPageAsync(hub, "Professionals and their clients");
        var section = Page.Locator("section.professional").Filter(new() { Has = Page.GetByRole(AriaRole.Heading, new() { Name = professional }) });
        await section.GetByLabel("Connect a client: the member's e-mail address").FillAsync(memberEmail);
        await section.GetByRole(AriaRole.Button, new() { Name = $"Connect a client to {professional}" }).ClickAsync();
        await Page.WaitForLoadStateAsync(LoadState.Load);
        await Chromium.SaveScreenshotAsync(Page, "onboarding-client-connected");
    }

    /// <summary>What Hangfire's recurring e-mail job does every minute, run once now.</summary>
    [When("^the e-mail job runs$")]
    public async Task EmailJobRuns()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutboxJob>().RunAsync(CancellationToken.None);
    }

    [When("""^"([^"]*)" opens the link in their invitation e-mail and chooses the password "([^"]*)"$""")]
    public async Task AcceptInvitation(string email, string password)
    {
        var message = Assert.Single(_smtp.Received, m => m.To.Mailboxes.Any(to => to.Address == email));
        await Page.GotoAsync(new Uri(InvitationLink().Match(message.TextBody ?? string.Empty).Value).AbsolutePath);
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Create your account");
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await Page.GetByLabel("Password again").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create account and sign in" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await _smtp.DisposeAsync();
    }

    /// <summary>From the administration page to one of the hub's pages, as an administrator clicks.</summary>
    private async Task OpenHubPageAsync(string hub, string link)
    {
        await Page.GotoAsync("/admin");
        await Page.GetByRole(AriaRole.Link, new() { Name = hub, Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync();
        await Page.WaitForLoadStateAsync(LoadState.Load);
    }

    private async Task ExpectRecordedAsync(string email)
    {
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The invitation was recorded; its e-mail goes out within a minute.");
        await Assertions.Expect(Page.GetByRole(AriaRole.Row, new() { Name = email })).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"http://localhost/invitation/[A-Za-z0-9._-]+")]
    private static partial Regex InvitationLink();
}
