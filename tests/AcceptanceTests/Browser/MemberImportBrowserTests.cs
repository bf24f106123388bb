using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Wellbeing.Infrastructure.Jobs;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Testing.Browser;

namespace Wellbeing.AcceptanceTests.Browser;

/// <summary>
/// An administrator imports employees in the browser: 20,000 of them, watching the job's progress bar to its summary;
/// and a file naming members invited by e-mail, one of them deactivated, which the preview and summary count apart.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MemberImportBrowserTests(Chromium chromium)
{
    private const int Rows = 20_000;

    [Fact]
    public async Task Administrator_Imports20000Members_WatchingTheProgressBarToTheSummary()
    {
        // Small chunks make the job take a few seconds, so the page polls through several progress values.
        await using var app = new WellbeingAppFactory();
        app.Settings["MemberImport:RowsPerSave"] = "100";
        app.Settings[JobsDependencyInjection.PollingIntervalSetting] = "1";
        await using var context = await chromium.NewContextAsync(app.StartKestrel());
        var scenario = await HubScenario.CreateAsync(app, "browser");
        var page = await context.NewPageAsync();
        await page.SignInAsync(DemoHub.Administrator, DemoHub.Password);

        await page.GotoAsync($"/admin/hubs/{scenario.HubId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Import members from a CSV file" }).ClickAsync();
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "employees.csv", MimeType = "text/csv", Buffer = Employees() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();

        await Assertions.Expect(page.Locator("#count-created")).ToHaveTextAsync("20000");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("Checked: waiting for your confirmation");
        await Chromium.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm and import" }).ClickAsync();

        var progress = page.Locator("#import-progress");
        await Assertions.Expect(progress).ToBeVisibleAsync();
        var seen = new SortedSet<int>();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (await progress.IsVisibleAsync() && DateTime.UtcNow < deadline)
        {
            if (await progress.GetAttributeAsync("value") is { } value)
            {
                seen.Add(int.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
            }

            await Task.Delay(250);
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Completed" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#count-created")).ToHaveTextAsync("20000");
        await Assertions.Expect(page.Locator("#count-rejected")).ToHaveTextAsync("0");
        Assert.True(seen.Count(v => v is > 0 and < 100) >= 1, $"the bar moved through the import; values seen: {string.Join(", ", seen)}");
        await Chromium.AssertAccessibleAsync(page);
        await Chromium.SaveScreenshotAsync(page, "member-import-completed");
    }

    [Fact]
    public async Task Administrator_ImportsAFileNamingInvitedMembers_AndSeesThemMatchedByEmailAndReactivated()
    {
        await using var app = new WellbeingAppFactory();
        await using var context = await chromium.NewContextAsync(app.StartKestrel());
        var scenario = await HubScenario.CreateAsync(app, "matching");
        var invited = await scenario.AddMembersAsync("Sales", 2);
        await scenario.DeactivateAsync(invited[1]);
        var emails = await app.QueryAsync(db => db.Members.Where(m => invited.Contains(m.Id)).OrderBy(m => m.DisplayName).Select(m => m.Email).ToListAsync());
        var file = $"external_id,email,name,department\nM1,{emails[0].ToUpperInvariant()},Person 0,Sales\nM2,{emails[1]},Person 1,Sales\nM3,new@acme.test,New Person,Sales\n";
        var page = await context.NewPageAsync();
        await page.SignInAsync(DemoHub.Administrator, DemoHub.Password);

        await page.GotoAsync($"/admin/hubs/{scenario.HubId}/imports");
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "employees.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(file) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();

        await Assertions.Expect(page.Locator("dt", new() { HasText = "Would match by e-mail" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("dt", new() { HasText = "Would reactivate" })).ToBeVisibleAsync();
        Assert.Equal(["1", "2", "0", "0", "1"], await CountsAsync(page));
        await Chromium.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm and import" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Completed" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.Equal(["1", "2", "0", "0", "1"], await CountsAsync(page));
        await Chromium.SaveScreenshotAsync(page, "member-import-matched");
    }

    /// <summary>Created, matched by e-mail, updated, unchanged and reactivated, as the page shows them.</summary>
    private static async Task<string[]> CountsAsync(IPage page) =>
        await Task.WhenAll(new[] { "created", "matched", "updated", "unchanged", "reactivated" }.Select(name => page.Locator($"#count-{name}").InnerTextAsync()));

    private static byte[] Employees()
    {
        var text = new StringBuilder("external_id,email,name,department\n");
        for (var i = 1; i <= Rows; i++)
        {
            text.Append("B").Append(i).Append(",employee").Append(i).Append("@acme.test,Employee ").Append(i).Append(",Department ").Append(i % 12).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
