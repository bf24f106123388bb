using Wellbeing.Testing;
using Wellbeing.Testing.Browser;

namespace Wellbeing.AcceptanceTests.Browser;

/// <summary>Proves the browser harness end to end: Kestrel, Debian's Chromium, screenshots.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HealthPageTests(Chromium chromium)
{
    [Fact]
    public async Task HealthPage_SaysHealthy_InChromium()
    {
        await using var app = new WellbeingAppFactory();
        await using var context = await chromium.NewContextAsync(app.StartKestrel());
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/healthz");

        Assert.Equal(200, response?.Status);
        Assert.Contains("Healthy", await page.InnerTextAsync("body"));
        var screenshot = await Chromium.SaveScreenshotAsync(page, "healthz");
        Assert.True(new FileInfo(screenshot).Length > 0);
    }
}
