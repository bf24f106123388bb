using System.Net;
using System.Text.RegularExpressions;
using Wellbeing.Infrastructure.Jobs;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Admin;

/// <summary>
/// Hangfire's dashboard as an administrator sees it: under the site's own Content-Security-Policy, which allows no inline
/// script or style, and never cached. Who else is refused is in the authorisation matrix.
/// </summary>
public sealed partial class JobsDashboardTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("/hangfire/")]
    [InlineData("/hangfire/recurring")]
    [InlineData("/hangfire/jobs/succeeded")]
    public async Task Page_ForAnAdministrator_HasTheSitesPolicy_NoInlineCode_AndIsNotCached(string path)
    {
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);
        var sitePolicy = (await admin.Http.GetAsync("/admin")).Headers.GetValues("Content-Security-Policy").Single();

        var response = await admin.Http.GetAsync(path);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(sitePolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Empty(InlineScript().Matches(page));
        Assert.Empty(InlineStyle().Matches(page));
        Assert.DoesNotContain("Data Source=", page);
    }

    [Fact]
    public async Task RecurringJobs_AreListedUnderTheirStableIds()
    {
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);

        var page = await admin.Http.GetStringAsync("/hangfire/recurring");

        Assert.Contains(PublicationJob.RecurringJobId, page);
        Assert.Contains(TokenPruningJob.RecurringJobId, page);
    }

    [Fact]
    public async Task ScriptAndStyles_AreServedFromTheDashboardsOwnPath()
    {
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);
        var page = await admin.Http.GetStringAsync("/hangfire/");

        var files = Asset().Matches(page).Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            Assert.StartsWith("/hangfire/", file);
            Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync(file)).StatusCode);
        }
    }

    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<style|\\sstyle=\"", RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyle();

    [GeneratedRegex("<(?:script|link)[^>]*\\s(?:src|href)=\"(/[^\"]+)\"")]
    private static partial Regex Asset();
}
