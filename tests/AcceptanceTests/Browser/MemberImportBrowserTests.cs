using System.Text;
using Microsoft.Playwright;
using Wellbeing.Infrastructure.Jobs;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Testing.Browser;

namespace Wellbeing.AcceptanceTests.Browser;

/// <summary>An administrator imports 20,000 employees in the browser and watches the job's progress bar to its summary.</summary>
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
