using System.Net;
using System.Text.RegularExpressions;
using Wellbeing.Domain.Accounts;
using Wellbeing.Domain.Auditing;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Audit;

/// <summary>The administrator's audit page: filters by hub, user, action and UTC day, pages of fifty, newest first.</summary>
public sealed partial class AuditPageTests(AuditedApp app) : IClassFixture<AuditedApp>
{
    [Fact]
    public async Task Filters_ByHubUserActionAndDay_ShowOnlyMatchingEntries()
    {
        var northwind = await app.Factory.HubIdAsync(DemoHub.Slug);
        var fabrikam = await app.Factory.HubIdAsync("fabrikam");
        await app.Factory.RecordAsync(AuditAction.DataExported, northwind, "northwind-export");
        await app.Factory.RecordAsync(AuditAction.DataExported, fabrikam, "fabrikam-export");
        await app.Factory.RecordAsync(AuditAction.PublicationRequested, null, "publication-job");
        var browser = BrowserlessClient.For(app.Factory);
        await browser.SignInAsync(DemoHub.Client(2), "wrong");
        var accountId = await app.Factory.AccountIdAsync(DemoHub.Client(2));
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var byHub = await ObjectsAsync(admin, $"/admin/audit?hub={fabrikam}");
        var byAction = await ObjectsAsync(admin, "/admin/audit?action=PublicationRequested");
        var (_, byUser) = await admin.GetAsync($"/admin/audit?user={accountId}&action=SignInFailed");
        var byDay = await ObjectsAsync(admin, $"/admin/audit?from={today}&to={today}");
        var (_, later) = await admin.GetAsync($"/admin/audit?from={tomorrow}");

        Assert.Equal(["fabrikam-export"], byHub);
        Assert.Equal(["publication-job"], byAction);
        Assert.Contains("1 entries match", byUser);
        Assert.Contains($"<td>{accountId}</td>", byUser);
        Assert.Contains("northwind-export", byDay);
        Assert.Contains("0 entries match", later);
    }

    [Fact]
    public async Task AJobsEntry_ShowsTheSystemRole_AndAFailedSignIn_TheRoleOfTheAccountTried()
    {
        await app.Factory.RecordAsync(AuditAction.MemberImportCompleted, null, "role-of-a-job");
        await BrowserlessClient.For(app.Factory).SignInAsync(DemoHub.Client(3), "wrong");
        var accountId = await app.Factory.AccountIdAsync(DemoHub.Client(3));
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);

        var (_, job) = await admin.GetAsync("/admin/audit?action=MemberImportCompleted");
        var (_, signIn) = await admin.GetAsync($"/admin/audit?user={accountId}&action=SignInFailed");

        Assert.Matches($@"<td></td>\s*<td>{AuditEntry.SystemRole}</td>\s*<td></td>\s*<td>MemberImportCompleted</td>\s*<td>role-of-a-job</td>", job);
        Assert.Matches($@"<td>{accountId}</td>\s*<td>{Roles.Client}</td>", signIn);
    }

    [Fact]
    public async Task LongLog_IsPaged_NewestFirst_KeepingTheFilters()
    {
        for (var i = 0; i < 55; i++)
        {
            await app.Factory.RecordAsync(AuditAction.ScoresViewed, null, $"paged-{i:00}");
        }

        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);

        var (status, first) = await admin.GetAsync("/admin/audit?action=ScoresViewed");
        var second = await ObjectsAsync(admin, "/admin/audit?action=ScoresViewed&page=2");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("paged-54", ObjectIds(first)[0]);
        Assert.Equal(50, ObjectIds(first).Count);
        Assert.Contains("href=\"/admin/audit?action=ScoresViewed&page=2\"", WebUtility.HtmlDecode(first));
        Assert.Equal(["paged-04", "paged-03", "paged-02", "paged-01", "paged-00"], second);
    }

    [Theory]
    [InlineData("action=Nonsense")]
    [InlineData("from=yesterday")]
    [InlineData("page=1&page=2")]
    public async Task UnreadableFilter_Answers400_NamingIt(string query)
    {
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);

        var (status, body) = await admin.GetAsync($"/admin/audit?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(query[..query.IndexOf('=', StringComparison.Ordinal)], body);
    }

    [Theory]
    [InlineData("to=9999-12-31")]
    [InlineData("from=0001-01-01&to=9999-12-31")]
    [InlineData("from=9999-12-31")]
    [InlineData("from=0001-01-01")]
    public async Task TheFirstOrLastDayThereIs_IsAFilterLikeAnyOther_NotA500(string query)
    {
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);

        var (status, body) = await admin.GetAsync($"/admin/audit?{query}");

        Assert.True(status == HttpStatusCode.OK, $"{status}: {body}");
        Assert.Contains("entries match", body);
    }

    private static async Task<List<string>> ObjectsAsync(BrowserlessClient admin, string path)
    {
        var (status, body) = await admin.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, status);
        return ObjectIds(body);
    }

    /// <summary>The Object column of each row (the seventh cell after the row's number).</summary>
    private static List<string> ObjectIds(string page) =>
        [.. Row().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    [GeneratedRegex(@"<th scope=""row"">\d+</th>(?:\s*<td>[^<]*</td>){5}\s*<td>([^<]*)</td>")]
    private static partial Regex Row();
}
