using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit;

namespace Wellbeing.Testing.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright. Playwright's own browser download is never used: the
/// registry mirror cannot serve it and CI installs Chromium with apt.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Flags =
    [
        // CI runs as root, where Chromium's sandbox cannot start.
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        // Keep the browser from calling home, which is slow or impossible on an offline machine.
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ];

    private static readonly HashSet<string> BlockingImpacts = new(StringComparer.OrdinalIgnoreCase) { "serious", "critical" };

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not been launched.");

    /// <summary>Where <see cref="SaveScreenshotAsync"/> writes, beside the test binaries.</summary>
    public static string ScreenshotDirectory => Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"{ExecutablePath} is missing. Install Debian's Chromium as root: apt-get install -y chromium");
        }

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Flags,
        });
    }

    /// <summary>
    /// An isolated browser session (own cookies) whose relative URLs resolve against <paramref name="baseAddress"/>.
    /// Dispose it to close its pages.
    /// </summary>
    public Task<IBrowserContext> NewContextAsync(Uri baseAddress) =>
        NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString() });

    /// <summary>
    /// Playwright waits 30 s by default for a page or an element. On the shared two-core machines that run this suite,
    /// with other test hosts starting and seeding beside it, a first page after signing in has taken longer than that
    /// (an app's first request compiles its views and queries), so every context here waits <see cref="Patience"/>. A
    /// test that is about speed measures it itself; this is only how long a step may take before it is called failed.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options)
    {
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout((float)Patience.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)Patience.TotalMilliseconds);
        return context;
    }

    /// <summary>How long a browser step may take before the test fails (see <see cref="NewContextAsync(BrowserNewContextOptions)"/>).</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>Saves a full-page screenshot as TestResults/screenshots/<paramref name="name"/>.png and returns its path.</summary>
    public static async Task<string> SaveScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(ScreenshotDirectory, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// <summary>Runs axe on the current page and fails when it finds a serious or critical violation.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        var blocking = result.Violations.Where(violation => BlockingImpacts.Contains(violation.Impact ?? "")).ToList();
        if (blocking.Count == 0)
        {
            return;
        }

        var details = blocking.Select(violation =>
            $"- [{violation.Impact}] {violation.Id}: {violation.Help} ({violation.HelpUrl})\n" +
            string.Join("\n", violation.Nodes.Select(node => $"    at {node.Target}: {node.Html}")));
        Assert.Fail($"Accessibility violations on {page.Url}:\n{string.Join("\n", details)}");
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
