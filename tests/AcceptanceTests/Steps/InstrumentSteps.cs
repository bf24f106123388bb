using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Wellbeing.AcceptanceTests.Runner;
using Wellbeing.Testing;
using Wellbeing.Testing.Browser;

namespace Wellbeing.AcceptanceTests.Steps;

/// <summary>The instrument catalogue and each hub's licence for instruments needing permission, in Chromium.</summary>
public sealed class InstrumentSteps(ScenarioContext context, WellbeingAppFactory app)
{
    private IPage Page => context.Get<IPage>(nameof(IPage));

    /// <summary>The demo seeder records it for both demo hubs; this puts one back to how a new hub starts.</summary>
    [Given("""^the licence of "([^"]*)" for the WHO-5 is not recorded$""")]
    public Task LicenceNotRecorded(string hubName) => app.ChangeAsync(async db =>
    {
        var hubId = await db.Hubs.Where(h => h.Name == hubName).Select(h => h.Id).SingleAsync();
        db.InstrumentLicences.RemoveRange(await db.InstrumentLicences.Where(l => l.HubId == hubId && l.SurveyKey == "who-5").ToListAsync());
    });

    [When("""^they follow the link "([^"]*)"$""")]
    public async Task FollowLink(string name)
    {
        await Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await Page.WaitForLoadStateAsync(LoadState.Load);
    }

    [When("^they sign out$")]
    public async Task SignOut()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Page.WaitForURLAsync("**" + SignInPage.Path + "**");
    }

    [When("""^they record the permission of "([^"]*)" with the note "([^"]*)"$""")]
    public async Task RecordPermission(string hubName, string note)
    {
        var form = Page.GetByRole(AriaRole.Form, new() { Name = "Record a hub's permission" });
        await form.GetByLabel("Hub").SelectOptionAsync(new SelectOptionValue { Label = hubName });
        await form.GetByLabel("Where the permission is kept").FillAsync(note);
        await Chromium.SaveScreenshotAsync(Page, "instrument-licence-form");
        await form.GetByRole(AriaRole.Button, new() { Name = "Record the permission" }).ClickAsync();
        await Page.WaitForLoadStateAsync(LoadState.Load);
    }
}
