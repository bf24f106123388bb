using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Wellbeing.Application.Administration.MemberImports;
using Wellbeing.Domain.Accounts;
using Wellbeing.Domain.Auditing;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Members.Imports;
using Wellbeing.Infrastructure.Jobs;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Audit;
using Wellbeing.Web.Controllers;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.MemberImports;

/// <summary>
/// An administrator imports a hub's members from the CSV files in Csv/ (or, for the limits, files made here): upload,
/// preview, confirm, and the Hangfire job writes them. Each test uses a hub of its own.
/// </summary>
public sealed partial class MemberImportTests(MemberImportTests.ImportApp app) : IClassFixture<MemberImportTests.ImportApp>
{
    private readonly WellbeingAppFactory _factory = app.Factory;

    [Fact]
    public async Task CommaFile_PreviewedThenConfirmed_CreatesTheMembersWithoutAccounts_AndSummarises()
    {
        var (admin, hubId) = await NewHubAsync();

        var preview = await UploadAsync(admin, hubId, "comma.csv");
        Assert.Equal(HttpStatusCode.Redirect, preview.StatusCode);
        var importPage = preview.Headers.Location!.OriginalString;
        var (_, page) = await admin.GetAsync(importPage);
        Assert.Equal((3, 0, 0, 0, 0), Counts(page));
        Assert.Equal(0, await MemberCountAsync(hubId));

        var summary = await ConfirmAndWaitAsync(admin, importPage);

        Assert.Contains("Completed", summary);
        Assert.Equal((3, 0, 0, 0, 0), Counts(summary));
        var members = await MembersAsync(hubId);
        Assert.Equal(["E001", "E002", "E003"], members.Select(m => m.ExternalId));
        Assert.Equal(("Ada Lovelace", "ada@acme.test", "Engineering"), (members[0].DisplayName, members[0].Email, members[0].Department));
        Assert.All(members, m => Assert.Null(m.UserId));
        Assert.Empty(await _factory.QueryAsync(db => db.OutboxMessages.Where(o => o.MemberId != null && members.Select(m => m.Id).Contains(o.MemberId.Value)).ToListAsync()));
    }

    [Fact]
    public async Task SemicolonFileWithBom_AndQuotedLineBreaks_IsReadAsTheSpreadsheetShowsIt()
    {
        var (admin, hubId) = await NewHubAsync();

        await ConfirmAndWaitAsync(admin, (await UploadAsync(admin, hubId, "semicolon-bom-multiline.csv")).Headers.Location!.OriginalString);

        var members = await MembersAsync(hubId);
        Assert.Equal(["E001", "E002"], members.Select(m => m.ExternalId));
        Assert.Equal("Lovelace; Ada", members[0].DisplayName);
        // A cell that wraps in the spreadsheet is one line here: its line break becomes a space.
        Assert.Equal(("Zoë Müller", "Sales North"), (members[1].DisplayName, members[1].Department));
    }

    [Fact]
    public async Task TheSameFileAgain_ChangesNothing_AndAChangedRow_UpdatesThatMemberOnly()
    {
        var (admin, hubId) = await NewHubAsync();
        await ConfirmAndWaitAsync(admin, (await UploadAsync(admin, hubId, "comma.csv")).Headers.Location!.OriginalString);
        var before = await MembersAsync(hubId);

        var again = await ConfirmAndWaitAsync(admin, (await UploadAsync(admin, hubId, "comma.csv")).Headers.Location!.OriginalString);
        var changed = await ConfirmAndWaitAsync(admin, (await UploadAsync(admin, hubId, "comma-changed.csv")).Headers.Location!.OriginalString);

        Assert.Equal((0, 0, 3, 0, 0), Counts(again));
        Assert.Equal((0, 1, 2, 0, 0), Counts(changed));
        var after = await MembersAsync(hubId);
        Assert.Equal(before.Select(m => m.Id), after.Select(m => m.Id));
        Assert.Equal(("Grace Brewster Hopper", "Navy"), (after[1].DisplayName, after[1].Department));
        Assert.Equal((before[0].DisplayName, before[0].Department), (after[0].DisplayName, after[0].Department));
    }

    [Theory]
    [InlineData("wrong-header.csv", "The header row is not right: The column \"external_id\" is missing. The column \"employee\" is not one this import knows. The column \"deparment\" is not one this import knows.")]
    [InlineData("latin1.csv", "The file is not UTF-8 text. Save it from the spreadsheet as \"CSV UTF-8\" and upload it again.")]
    [InlineData("broken-quote.csv", "The file's quoting is broken")]
    public async Task AFileThatCannotBeRead_IsRefusedBesideTheField_WithTheReason_AndNothingIsSaved(string file, string reason)
    {
        var (admin, hubId) = await NewHubAsync();

        var response = await UploadAsync(admin, hubId, file);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, FieldError(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync())));
        Assert.Equal(0, await _factory.QueryAsync(db => db.MemberImports.CountAsync(i => i.HubId == hubId)));
    }

    [Fact]
    public async Task BadEmails_AreRejectedRowByRow_InADownloadableReport_AndTheOtherRowsImported()
    {
        var (admin, hubId) = await NewHubAsync();
        var importPage = (await UploadAsync(admin, hubId, "bad-email.csv")).Headers.Location!.OriginalString;

        var (_, preview) = await admin.GetAsync(importPage);
        var report = await admin.Http.GetStringAsync(importPage + "/errors");
        var summary = await ConfirmAndWaitAsync(admin, importPage);

        Assert.Equal((1, 0, 0, 0, 2), Counts(preview));
        Assert.Equal("row,column,reason\r\n3,email,Not an e-mail address.\r\n4,email,Not an e-mail address.\r\n", report.ReplaceLineEndings("\r\n"));
        Assert.Equal((1, 0, 0, 0, 2), Counts(summary));
        Assert.Equal(["E001"], (await MembersAsync(hubId)).Select(m => m.ExternalId));
    }

    [Fact]
    public async Task AnExternalIdTwiceInTheFile_RejectsEveryRowOfIt_WithTheOtherRow()
    {
        var (admin, hubId) = await NewHubAsync();
        var importPage = (await UploadAsync(admin, hubId, "duplicate-external-id.csv")).Headers.Location!.OriginalString;

        var report = await admin.Http.GetStringAsync(importPage + "/errors");
        var summary = await ConfirmAndWaitAsync(admin, importPage);

        Assert.Equal(
            "row,column,reason\r\n2,external_id,The same external id is on a later row.\r\n4,external_id,The same external id is on row 2.\r\n",
            report.ReplaceLineEndings("\r\n"));
        Assert.Equal((1, 0, 0, 0, 2), Counts(summary));
        Assert.Equal(["E002"], (await MembersAsync(hubId)).Select(m => m.ExternalId));
    }

    [Fact]
    public async Task MoreThan100000Rows_IsRefusedWithTheReason()
    {
        var (admin, hubId) = await NewHubAsync();

        var response = await UploadAsync(admin, hubId, "too-many.csv", Generated(MemberImportRules.MaxRows + 1));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The file has more than 100,000 rows.", FieldError(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync())));
        Assert.Equal(0, await _factory.QueryAsync(db => db.MemberImports.CountAsync(i => i.HubId == hubId)));
    }

    [Fact]
    public async Task AFileOver50MB_IsRefusedBesideTheField()
    {
        var (admin, hubId) = await NewHubAsync();

        var response = await UploadAsync(admin, hubId, "large.csv", Padded(MemberImportRules.MaxBytes + 1));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(MemberImportLimits.TooLarge, FieldError(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync())));
        Assert.Equal(0, await _factory.QueryAsync(db => db.MemberImports.CountAsync(i => i.HubId == hubId)));
    }

    [Fact]
    public async Task ARequestOverTheUploadLimit_GetsAClearPage_NotABare413()
    {
        var (admin, hubId) = await NewHubAsync();

        var response = await UploadAsync(admin, hubId, "large.csv", Padded(MemberImportsController.RequestLimit + 1));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("<h1>The file was not imported</h1>", body);
        Assert.Contains(MemberImportLimits.TooLarge, body);
        Assert.Equal(0, await _factory.QueryAsync(db => db.MemberImports.CountAsync(i => i.HubId == hubId)));
    }

    [Fact]
    public async Task AFullImport_DeactivatesMissingMembersOnlyOnceConfirmed()
    {
        var (admin, hubId) = await NewHubAsync();
        await ConfirmAndWaitAsync(admin, (await UploadAsync(admin, hubId, "comma.csv")).Headers.Location!.OriginalString);
        var byHand = await AddMemberByHandAsync(hubId, "invited@acme.test");
        await AddMemberByHandAsync(hubId, "also-invited@acme.test");

        // Two of five active members (40 %) is just within the default share.
        var importPage = (await UploadAsync(admin, hubId, "one-of-three.csv", full: true)).Headers.Location!.OriginalString;
        var (_, preview) = await admin.GetAsync(importPage);
        Assert.Contains("Confirming deactivates 2 of the hub's 5 active members.", preview);
        Assert.Equal(5, await ActiveCountAsync(hubId));

        var summary = await ConfirmAndWaitAsync(admin, importPage);

        Assert.Equal((0, 0, 1, 2, 0), Counts(summary));
        var members = await MembersAsync(hubId);
        Assert.Equal(["E001", "E002", "E003"], members.Where(m => m.ExternalId is not null).Select(m => m.ExternalId));
        Assert.Equal([true, false, false], members.Where(m => m.ExternalId is not null).Select(m => m.IsActive));
        Assert.True(members.Single(m => m.Id == byHand).IsActive, "a member without an external id is never deactivated by a file");
        Assert.Equal(3, await ActiveCountAsync(hubId));

        // The audit log: who started it (from the request), what it did in counts, and each member it deactivated, by id only.
        var importId = importPage.Split('/')[^1];
        var adminId = await _factory.AccountIdAsync(DemoHub.Administrator);
        var entries = await _factory.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.HubId == hubId).OrderBy(e => e.Sequence).ToListAsync());
        var started = entries.Last(e => e.Action == AuditAction.MemberImportStarted);
        Assert.Equal((adminId, Roles.Administrator, importId), (started.UserId, started.Role, started.ObjectId));
        var deactivated = entries.Where(e => e.Action == AuditAction.MemberDeactivatedByImport).ToList();
        Assert.Equal(members.Where(m => !m.IsActive).Select(m => m.Id.ToString()).Order(), deactivated.Select(e => e.ObjectId!).Order());
        Assert.All(deactivated, e => Assert.Equal(adminId, e.UserId));
        var completed = entries.Last(e => e.Action == AuditAction.MemberImportCompleted);
        Assert.Equal(($"{importId} created=0 updated=0 unchanged=1 deactivated=2 rejected=0", adminId, AuditOutcome.Succeeded), (completed.ObjectId, completed.UserId, completed.Outcome));
        Assert.True(completed.Sequence > deactivated.Max(e => e.Sequence));
    }

    [Fact]
    public async Task AFullImportOverTheShare_IsWarnedInThePreview_AndStopsWithoutChangingAnything()
    {
        var (admin, hubId) = await NewHubAsync();
        await ConfirmAndWaitAsync(admin, (await UploadAsync(admin, hubId, "comma.csv")).Headers.Location!.OriginalString);
        var before = await MembersAsync(hubId);

        // Two of three (67 %) is over the default 40 %.
        var importPage = (await UploadAsync(admin, hubId, "one-of-three.csv", full: true)).Headers.Location!.OriginalString;
        var (_, preview) = await admin.GetAsync(importPage);
        var summary = await ConfirmAndWaitAsync(admin, importPage);

        Assert.Contains("This would deactivate 2 of the hub's 3 active members, more than the 40 % allowed at once", preview);
        Assert.Contains("Stopped: nothing was changed", summary);
        Assert.Contains("The import would deactivate 2 of the hub's 3 active members, more than the 40 % allowed at once. Nothing was changed.", summary);
        Assert.Equal(before.Select(m => (m.Id, m.IsActive)), (await MembersAsync(hubId)).Select(m => (m.Id, m.IsActive)));
        var refused = await _factory.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.HubId == hubId && e.Action == AuditAction.MemberImportCompleted).OrderBy(e => e.Sequence).LastAsync());
        Assert.Equal(AuditOutcome.Refused, refused.Outcome);
    }

    [Fact]
    public async Task ConfirmingTwice_IsRefusedWithAClearPage()
    {
        var (admin, hubId) = await NewHubAsync();
        var importPage = (await UploadAsync(admin, hubId, "comma.csv")).Headers.Location!.OriginalString;
        var token = Antiforgery.TokenOf((await admin.GetAsync(importPage)).Body);

        var first = await admin.Http.PostAsync(importPage + "/confirm", new FormUrlEncodedContent([new(Antiforgery.FieldName, token)]));
        var second = await admin.Http.PostAsync(importPage + "/confirm", new FormUrlEncodedContent([new(Antiforgery.FieldName, token)]));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("This import was already confirmed.", await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnImportOfAnotherHub_IsNotFoundUnderThisHub()
    {
        var (admin, hubId) = await NewHubAsync();
        var (_, otherHubId) = await NewHubAsync();
        var importId = (await UploadAsync(admin, otherHubId, "comma.csv")).Headers.Location!.OriginalString.Split('/')[^1];

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/hubs/{hubId}/imports/{importId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/hubs/{hubId}/imports/{importId}/errors")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/hubs/{hubId}/imports/{importId}/progress")).Status);
    }

    [Fact]
    public async Task ConfirmingAnImportOfAnotherHub_ThroughThisHubsPath_IsNotFound_AndStartsNothing()
    {
        var (admin, hubId) = await NewHubAsync();
        var (_, otherHubId) = await NewHubAsync();
        var importId = (await UploadAsync(admin, otherHubId, "comma.csv")).Headers.Location!.OriginalString.Split('/')[^1];
        var thisHubsPage = $"/admin/hubs/{hubId}/imports";

        var confirmed = await admin.PostFormAsync(thisHubsPage, $"{thisHubsPage}/{importId}/confirm", []);

        Assert.Equal(HttpStatusCode.NotFound, confirmed.StatusCode);
        var import = await _factory.QueryAsync(db => db.MemberImports.AsNoTracking().SingleAsync(i => i.Id == Guid.Parse(importId)));
        Assert.Equal(MemberImportStatus.AwaitingConfirmation, import.Status);
        Assert.Equal(0, await MemberCountAsync(otherHubId));
    }

    [Fact]
    public async Task AnImport_LeavesPublishedHrFiguresAsTheyWere()
    {
        var scenario = await HubScenario.CreateAsync(_factory, "published");
        await scenario.AddMembersAsync("Sales", 6, i => [40 + (4 * i)]);
        await scenario.PublishAsync();
        var published = await BlocksAsync(scenario.HubId);
        Assert.NotEmpty(published);
        var admin = await BrowserlessClient.SignedInAsync(_factory, DemoHub.Administrator);

        await ConfirmAndWaitAsync(admin, (await UploadAsync(admin, scenario.HubId, "comma.csv")).Headers.Location!.OriginalString);
        await scenario.PublishAsync();

        Assert.Equal(published, await BlocksAsync(scenario.HubId));
    }

    /// <summary>One app for the class, its job server polling every second; each test works in a hub of its own.</summary>
    public sealed class ImportApp : IDisposable
    {
        public ImportApp() => Factory.Settings[JobsDependencyInjection.PollingIntervalSetting] = "1";

        public WellbeingAppFactory Factory { get; } = new();

        public void Dispose() => Factory.Dispose();
    }

    /// <summary>A hub of the test's own, made through the admin form, and the administrator's client.</summary>
    private async Task<(BrowserlessClient Admin, Guid HubId)> NewHubAsync()
    {
        var scenario = await HubScenario.CreateAsync(_factory, "imports");
        return (await BrowserlessClient.SignedInAsync(_factory, DemoHub.Administrator), scenario.HubId);
    }

    /// <summary>Sends a file as the upload form does (multipart, with the form's antiforgery token).</summary>
    private static async Task<HttpResponseMessage> UploadAsync(BrowserlessClient admin, Guid hubId, string file, byte[]? content = null, bool full = false)
    {
        var path = $"/admin/hubs/{hubId}/imports";
        var token = Antiforgery.TokenOf(await admin.Http.GetStringAsync(path));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), Antiforgery.FieldName },
        };
        var bytes = new ByteArrayContent(content ?? await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "MemberImports", "Csv", file)));
        bytes.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(bytes, "file", file);
        if (full)
        {
            form.Add(new StringContent("true"), "full");
        }

        return await admin.Http.PostAsync(path, form);
    }

    /// <summary>Confirms on the import's page and follows the progress fragment, as the page's polling does, until the job is done.</summary>
    private static async Task<string> ConfirmAndWaitAsync(BrowserlessClient admin, string importPage)
    {
        var confirmed = await admin.PostFormAsync(importPage, importPage + "/confirm", []);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var (_, fragment) = await admin.GetAsync(importPage + "/progress", htmx: true);
            if (!fragment.Contains("hx-trigger=\"every 1s\"", StringComparison.Ordinal) || DateTime.UtcNow > deadline)
            {
                return fragment;
            }

            await Task.Delay(200);
        }
    }

    /// <summary>A header and then one long cell: a file of exactly <paramref name="length"/> bytes.</summary>
    private static byte[] Padded(long length)
    {
        var header = Encoding.UTF8.GetBytes("external_id,email,name,department\n");
        var content = new byte[length];
        header.CopyTo(content, 0);
        content.AsSpan(header.Length).Fill((byte)'x');
        return content;
    }

    private static byte[] Generated(int rows)
    {
        var text = new StringBuilder("external_id,email,name,department\n");
        for (var i = 1; i <= rows; i++)
        {
            text.Append("X").Append(i).Append(",p").Append(i).Append("@acme.test,Person ").Append(i).Append(",Sales\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Created, updated, unchanged, deactivated and rejected as the page shows them.</summary>
    private static (int, int, int, int, int) Counts(string page)
    {
        int Count(string name) => int.Parse(Regex.Match(page, $"id=\"count-{name}\">(\\d+)<").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        return (Count("created"), Count("updated"), Count("unchanged"), Count("deactivated"), Count("rejected"));
    }

    private static string FieldError(string page) => FileError().Match(page).Groups[1].Value;

    private Task<List<Member>> MembersAsync(Guid hubId) =>
        _factory.QueryAsync(db => db.Members.AsNoTracking().Where(m => m.HubId == hubId).OrderBy(m => m.ExternalId).ToListAsync());

    private Task<int> MemberCountAsync(Guid hubId) => _factory.QueryAsync(db => db.Members.CountAsync(m => m.HubId == hubId));

    private Task<int> ActiveCountAsync(Guid hubId) => _factory.QueryAsync(db => db.Members.CountAsync(m => m.HubId == hubId && m.DeactivatedAt == null));

    private async Task<Guid> AddMemberByHandAsync(Guid hubId, string email)
    {
        var member = new Member(hubId, "Invited Person", email, DateTimeOffset.UtcNow, "Sales");
        await _factory.ChangeAsync(db =>
        {
            db.Members.Add(member);
            return Task.CompletedTask;
        });
        return member.Id;
    }

    private Task<List<string>> BlocksAsync(Guid hubId) => _factory.QueryAsync(async db =>
        (await db.PeriodBlocks.AsNoTracking().Where(b => b.HubId == hubId).ToListAsync())
            .Select(b => System.Text.Json.JsonSerializer.Serialize(b)).Order(StringComparer.Ordinal).ToList());

    [GeneratedRegex("id=\"file-error\">(.*?)</span>\\s*</div>", RegexOptions.Singleline)]
    private static partial Regex FileError();
}
