using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wellbeing.Domain.Members.Imports;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Pages;

/// <summary>
/// Each role follows every link and htmx address it is shown, as a page and as an htmx request: every answer says
/// <c>Cache-Control: no-store</c>. Together the roles must reach every signed-in GET route of the app, so a new page
/// that nobody links to, or that forgets the rule, fails here. (The partner API, read with a token rather than a
/// sign-in, is checked in tests/Web.FunctionalTests/Api.)
/// </summary>
public sealed partial class NoStoreCrawlTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const int MaxPagesPerRole = 200;

    [Fact]
    public async Task EverySignedInAnswer_OfEveryRole_SaysNoStore_AndTheRolesReachEveryRoute()
    {
        await AddRunningImportAsync();
        var visited = new List<string>();
        var cacheable = new List<string>();
        foreach (var email in new[] { DemoHub.Client(1), DemoHub.Client(5), DemoHub.FirstProfessional, DemoHub.SecondProfessional, DemoHub.HrManager, DemoHub.Administrator })
        {
            var client = await BrowserlessClient.SignedInAsync(app.Factory, email);
            foreach (var (path, htmx, status, cacheControl) in await CrawlAsync(client))
            {
                visited.Add(path);
                if (status == HttpStatusCode.OK && cacheControl?.Contains("no-store", StringComparison.Ordinal) != true)
                {
                    cacheable.Add($"{email} {(htmx ? "htmx " : string.Empty)}{path}: {cacheControl ?? "no Cache-Control"}");
                }
            }
        }

        Assert.Empty(cacheable);
        Assert.Empty(SignedInGetRoutes().Where(route => !visited.Any(path => route.IsMatch(path.Split('?')[0]))).Select(route => route.ToString()));
    }

    /// <summary>
    /// The demo has no member import, and a running one is what links its progress fragment: one confirmed (its job never
    /// queued, so it stays running) with a rejected row, whose error report its page links.
    /// </summary>
    private Task AddRunningImportAsync() => app.Factory.ChangeAsync(async db =>
    {
        var hubId = await db.Hubs.Where(h => h.Slug == DemoHub.Slug).Select(h => h.Id).SingleAsync();
        var plan = MemberImportPlan.Make([new ImportCells(2, "E1", "not an address", "Someone", null)], [], 0, full: false);
        var import = new MemberImport(hubId, "crawl.csv", "crawl", DateTimeOffset.UtcNow, full: false, plan, "row,column,reason\r\n2,email,Not an e-mail address.\r\n");
        import.Confirm(DateTimeOffset.UtcNow, "crawl");
        db.MemberImports.Add(import);
    });

    /// <summary>Breadth-first from the start page; redirects count as links.</summary>
    private static async Task<List<(string Path, bool Htmx, HttpStatusCode Status, string? CacheControl)>> CrawlAsync(BrowserlessClient client)
    {
        // The start page, and the one page reached only by posting a form (after a password change).
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/", "/account/password/changed" };
        var queue = new Queue<string>(seen);
        var answers = new List<(string, bool, HttpStatusCode, string?)>();
        while (queue.TryDequeue(out var path) && answers.Count < 2 * MaxPagesPerRole)
        {
            foreach (var htmx in new[] { false, true })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                if (htmx)
                {
                    request.Headers.Add("HX-Request", "true");
                }

                var response = await client.Http.SendAsync(request);
                var links = response.Headers.Location is { } location ? [location.OriginalString] : Links(await response.Content.ReadAsStringAsync());
                answers.Add((path, htmx, response.StatusCode, response.Headers.CacheControl?.ToString()));

                foreach (var link in links.Where(l => l.StartsWith('/') && !l.StartsWith("//", StringComparison.Ordinal) && !IsStatic(l) && seen.Add(l)))
                {
                    queue.Enqueue(link);
                }
            }
        }

        return answers;
    }

    private static IEnumerable<string> Links(string html) =>
        Link().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value));

    private static bool IsStatic(string path) =>
        path.StartsWith("/css/", StringComparison.Ordinal) || path.StartsWith("/lib/", StringComparison.Ordinal) || path.StartsWith("/js/", StringComparison.Ordinal)
        || path.StartsWith("/errors", StringComparison.Ordinal) || path.Contains('.', StringComparison.Ordinal) && !path.Contains("/export", StringComparison.Ordinal);

    /// <summary>Every GET action that needs a signed-in person, as a pattern over paths.</summary>
    private List<Regex> SignedInGetRoutes() =>
        [.. app.Factory.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .Where(action => action.AttributeRouteInfo?.Template is { } template && !template.StartsWith("api/", StringComparison.Ordinal) && !template.StartsWith("errors", StringComparison.Ordinal))
            .Where(action => action.ActionConstraints?.OfType<Microsoft.AspNetCore.Mvc.ActionConstraints.HttpMethodActionConstraint>().Any(c => c.HttpMethods.Contains("GET")) == true)
            .Where(action => !action.EndpointMetadata.OfType<IAllowAnonymous>().Any())
            .Select(action => new Regex("^/" + Parameter().Replace(Regex.Escape(action.AttributeRouteInfo!.Template!), "[^/]+") + "$"))
            .DistinctBy(route => route.ToString())];

    [GeneratedRegex("(?:href|hx-get)=\"(/[^\"#]*)\"")]
    private static partial Regex Link();

    [GeneratedRegex(@"\\\{[^}]*}")]
    private static partial Regex Parameter();
}
