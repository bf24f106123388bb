using Microsoft.Playwright;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Testing.Browser;

namespace Wellbeing.AcceptanceTests.Browser;

/// <summary>
/// Every role's main pages run in Chromium under the app's Content-Security-Policy with nothing refused: no inline
/// script, style or handler anywhere, htmx included (its indicator style is turned off, its swaps stay within policy).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(Chromium chromium) : IAsyncLifetime
{
    /// <summary>
    /// Installed before any page script, so it hears every violation the page reports (securitypolicyviolation,
    /// CSP Level 3 section 5.3) and says it in the console, where the test collects it.
    /// </summary>
    private const string ReportViolations = """
        document.addEventListener('securitypolicyviolation', e =>
            console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));
        """;

    private readonly WellbeingAppFactory _app = new();
    private readonly List<string> _violations = [];

    public static TheoryData<string, string[]> MainPages => new()
    {
        { "", ["/account/login", "/no-such-page"] },
        { DemoHub.Client(2), ["/dashboard", "/wellbeing", "/sharing", "/sharing/views", "/my-data", "/account/password"] },
        { DemoHub.FirstProfessional, ["/clients", "/my-alliance", "/account/password"] },
        { DemoHub.HrManager, ["/hr", "/account/password"] },
        { DemoHub.Administrator, ["/admin", "/admin/partners", "/admin/hubs/new", "/account/password"] },
    };

    [Theory]
    [MemberData(nameof(MainPages))]
    public async Task MainPagesOfEachRole_RunWithoutAnyPolicyViolation(string email, string[] paths)
    {
        var page = await NewPageAsync();
        if (email.Length > 0)
        {
            await page.SignInAsync(email, DemoHub.Password);
        }

        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        Assert.True(_violations.Count == 0, string.Join(Environment.NewLine, _violations));
    }

    [Fact]
    public async Task HtmxInteractions_RunWithoutAnyPolicyViolation()
    {
        var professional = await NewPageAsync();
        await professional.SignInAsync(DemoHub.FirstProfessional, DemoHub.Password);
        await professional.GotoAsync("/clients");
        var rows = professional.WaitForResponseAsync(r => r.Url.Contains("/clients?search=", StringComparison.Ordinal));
        await professional.GetByLabel("Search by name").PressSequentiallyAsync("cl");
        await rows;
        await professional.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var client = await NewPageAsync();
        await client.SignInAsync(DemoHub.Client(3), DemoHub.Password);
        await client.GotoAsync("/sharing");
        var swap = client.WaitForResponseAsync(r => r.Url.EndsWith("/sharing", StringComparison.Ordinal) && r.Request.Method == "POST");
        await client.Locator("form.share-toggle button").First.ClickAsync();
        await swap;
        await client.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Empty(_violations);
    }

    /// <summary>
    /// Hangfire's dashboard runs under the site's policy, not relaxed for it. The policy refuses two of its extras, neither
    /// of which it needs: an empty <c>data:</c> favicon (a placeholder so that the browser does not ask for
    /// /favicon.ico) and the <c>&lt;style&gt;</c> Chart.js injects, whose rules Hangfire's own stylesheet already carries;
    /// the charts still draw and their size monitors stay hidden.
    /// </summary>
    [Fact]
    public async Task JobsDashboard_RunsUnderTheSitesPolicy_RefusingOnlyTwoExtrasItDoesNotNeed()
    {
        var page = await NewPageAsync();
        await page.SignInAsync(DemoHub.Administrator, DemoHub.Password);
        foreach (var path in new[] { "/hangfire/recurring", "/hangfire/jobs/succeeded", "/hangfire/servers", "/hangfire/" })
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        var charts = await page.Locator("canvas").EvaluateAllAsync<int[]>("canvases => canvases.map(c => c.width)");
        var monitors = await page.Locator(".chartjs-size-monitor").EvaluateAllAsync<string[]>("monitors => monitors.map(m => getComputedStyle(m).visibility)");

        Assert.NotEmpty(charts);
        Assert.All(charts, width => Assert.True(width > 0));
        Assert.All(monitors, visibility => Assert.Equal("hidden", visibility));
        Assert.NotEmpty(_violations);
        Assert.All(_violations, violation => Assert.True(
            violation.Contains("data:image/x-icon", StringComparison.Ordinal) || violation.Contains("img-src blocked data", StringComparison.Ordinal)
            // sha256 of "/* Chart.js */\n" and Chart.js 2.9's stylesheet, as Chart.js injects it; Chrome names the hash.
            || violation.Contains("sha256-z7zcnw/4WalZqx+PrNaRnoeLz/G9WXuFqV1WCJ129sg=", StringComparison.Ordinal)
            || violation.Contains("style-src-elem blocked inline at " + _app.ServerAddress.GetLeftPart(UriPartial.Authority) + "/hangfire/js", StringComparison.Ordinal),
            violation));
    }

    /// <summary>The check itself: an inline style, which the policy refuses, is reported.</summary>
    [Fact]
    public async Task InlineStyle_IsReportedAsAViolation()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/account/login");

        var reported = page.WaitForConsoleMessageAsync(new() { Predicate = m => m.Text.StartsWith("CSP violation", StringComparison.Ordinal), Timeout = 10_000 });
        await page.EvaluateAsync("() => document.head.insertAdjacentHTML('beforeend', '<style>body { color: red }</style>')");
        await reported;

        Assert.Contains(_violations, v => v.Contains("CSP violation: style-src", StringComparison.Ordinal));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<IPage> NewPageAsync()
    {
        var context = await chromium.NewContextAsync(_app.StartKestrel());
        await context.AddInitScriptAsync(ReportViolations);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Text.StartsWith("CSP violation", StringComparison.Ordinal) || message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                lock (_violations)
                {
                    _violations.Add($"{page.Url}: {message.Text}");
                }
            }
        };
        return page;
    }
}
