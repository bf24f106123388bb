using Microsoft.Playwright;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Testing.Browser;

namespace Wellbeing.AcceptanceTests.Browser;

/// <summary>
/// The pages with charts and the clients list on a 360 px phone in Chromium: every chart has its axis labels and
/// legend, and its text renders at 11 px or more (the SVG's font size times the scale the page draws it at); the
/// clients list names each value when its rows stack. Screenshots go to TestResults/screenshots.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SmallScreenTests(Chromium chromium) : IAsyncLifetime
{
    private const float MinimumTextPixels = 11;
    private readonly WellbeingAppFactory _app = new();
    private IBrowserContext _context = null!;

    public async Task InitializeAsync() =>
        _context = await chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _app.StartKestrel().ToString(),
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
        });

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task ClientDashboardChart_HasDatesAxesAndLegend_ReadableAt360()
    {
        var page = await SignedInAsync(DemoHub.Client(1));

        await page.GotoAsync("/dashboard");

        await AssertReadableChartAsync(page, "Score (0-100)", "Date filled in");
        await Chromium.SaveScreenshotAsync(page, "dashboard-chart-360");
    }

    [Fact]
    public async Task ClientProfileChart_HasDatesAxesAndLegend_ReadableAt360()
    {
        var memberId = await _app.MemberIdAsync(DemoHub.Client(1));
        var page = await SignedInAsync(DemoHub.FirstProfessional);

        await page.GotoAsync($"/clients/{memberId}");

        await AssertReadableChartAsync(page, "Score (0-100)", "Date filled in");
        await Chromium.SaveScreenshotAsync(page, "client-profile-chart-360");
    }

    [Fact]
    public async Task HrPeriodChart_HasPeriodsAxesAndLegend_ReadableAt360()
    {
        var page = await SignedInAsync(DemoHub.HrManager);

        await page.GotoAsync("/hr");

        await AssertReadableChartAsync(page, "Mean score (0-100)", "Reporting period");
        Assert.Matches(@"London time \(UTC[+-]\d\d:\d\d\)", await page.InnerTextAsync("main"));
        await Chromium.SaveScreenshotAsync(page, "hr-chart-360");
    }

    [Fact]
    public async Task ClientsList_NamesEachValue_WhenRowsStackAt360()
    {
        var page = await SignedInAsync(DemoHub.FirstProfessional);

        await page.GotoAsync("/clients");

        Assert.False(await page.Locator("table.clients thead").IsVisibleAsync());
        var firstRow = page.Locator("table.clients tbody tr").First;
        foreach (var label in new[] { "Hub:", "Wellbeing:", "Alliance:" })
        {
            Assert.True(await firstRow.GetByText(label).IsVisibleAsync(), $"\"{label}\" is shown beside its value.");
        }

        await Chromium.SaveScreenshotAsync(page, "clients-list-360");
    }

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await _context.NewPageAsync();
        await page.SignInAsync(email, DemoHub.Password);
        return page;
    }

    /// <summary>
    /// The first chart on the page: its axis titles, at least two dated or named ticks along the bottom, the score
    /// ticks, the legend naming the bands and the cut-offs, every label at least 11 px as drawn and none overlapping
    /// another, and the chart no wider than the screen.
    /// </summary>
    private static async Task AssertReadableChartAsync(IPage page, string verticalTitle, string horizontalTitle)
    {
        var chart = page.Locator("svg.chart").First;
        var labels = (await chart.Locator("text").AllTextContentsAsync()).Select(l => l.Trim()).ToList();
        Assert.Contains(verticalTitle, labels);
        Assert.Contains(horizontalTitle, labels);
        Assert.Contains("28", labels);
        Assert.Contains("50", labels);
        Assert.True(labels.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"\b20\d\d\b")) >= 2, string.Join(" | ", labels));

        var pixels = await chart.EvaluateAsync<float[]>(
            "svg => [...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * svg.getScreenCTM().a)");
        Assert.All(pixels, size => Assert.True(size >= MinimumTextPixels, $"A chart label renders at {size:0.0} px."));

        var overlaps = await chart.EvaluateAsync<string[]>("""
            svg => {
              const boxes = [...svg.querySelectorAll('text')].map(t => [t.textContent, t.getBoundingClientRect()]);
              return boxes.flatMap(([a, p], i) => boxes.slice(i + 1)
                .filter(([, q]) => p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom)
                .map(([b]) => a + ' / ' + b));
            }
            """);
        Assert.Empty(overlaps);

        var box = await chart.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X + box.Width <= 360, "The chart fits the screen.");

        var legend = await page.Locator(".chart-legend").First.InnerTextAsync();
        foreach (var part in new[] { "Good", "Moderate", "Poor", "cut-offs" })
        {
            Assert.Contains(part, legend);
        }
    }
}
