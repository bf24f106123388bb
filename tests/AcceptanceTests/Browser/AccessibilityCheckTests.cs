using Wellbeing.Testing.Browser;
using Xunit.Sdk;

namespace Wellbeing.AcceptanceTests.Browser;

/// <summary>The axe helper must pass clean pages and name what is wrong on broken ones.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityCheckTests(Chromium chromium)
{
    [Fact]
    public async Task AccessiblePage_Passes()
    {
        var page = await NewPageAsync("""
            <!DOCTYPE html><html lang="en"><head><title>Fine</title></head>
            <body><main><h1>Fine</h1><img src="data:," alt="Nothing"></main></body></html>
            """);

        await Chromium.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task ImageWithoutAlternativeText_FailsWithTheRuleNamed()
    {
        var page = await NewPageAsync("""
            <!DOCTYPE html><html lang="en"><head><title>Broken</title></head>
            <body><main><h1>Broken</h1><img src="data:,"></main></body></html>
            """);

        var failure = await Assert.ThrowsAsync<FailException>(() => Chromium.AssertAccessibleAsync(page));

        Assert.Contains("image-alt", failure.Message);
    }

    private async Task<Microsoft.Playwright.IPage> NewPageAsync(string html)
    {
        var page = await chromium.Browser.NewPageAsync();
        await page.SetContentAsync(html);
        return page;
    }
}
