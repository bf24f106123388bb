using System.Net;
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

        var summary = await admin.ConfirmAndWaitAsync(importPage);

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

        await admin.ConfirmAndWaitAsync((await UploadAsync(admin, hubId, "semicolon-bom-multiline.csv")).Headers.Location!.OriginalString);

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
        await admin.ConfirmAndWaitAsync((await UploadAsync(admin, hubId, "comma.csv")).Headers.Location!.OriginalString);
        var before = await MembersAsync(hubId);

        var again = await admin.ConfirmAndWaitAsync((await UploadAsync(admin, hubId, "comma.csv")).Headers.Location!.OriginalString);
        var changed = await admin.ConfirmAndWaitAsync((await UploadAsync(admin, hubId, "comma-changed.csv")).Headers.Location!.OriginalString);

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
        var summary = await admin.ConfirmAndWaitAsync(importPage);

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
        var summary = await admin.ConfirmAndWaitAsync(importPage);

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
        await admin.ConfirmAndWaitAsync((await UploadAsync(admin, hubId, "comma.csv")).Headers.Location!.OriginalString);
        var byHand = await AddMemberByHandAsync(hubId, "invited@acme.test");
        await AddMemberByHandAsync(hubId, "also-invited@acme.test");

        // Two of five active members (40 %) is just within the default share.
        var importPage = (await UploadAsync(admin, hubId, "one-of-three.csv", full: true)).Headers.Location!.OriginalString;
        var (_, preview) = await admin.GetAsync(importPage);
        Assert.Contains("Confirming deactivates 2 of the hub's 5 active members.", preview);
        Assert.Equal(5, await ActiveCountAsync(hubId));

        var summary = await admin.ConfirmAndWaitAsync(importPage);

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
        Assert.Equal(($"{importId} created=0 matched=0 updated=0 unchanged=1 reactivated=0 deactivated=2 rejected=0", adminId, AuditOutcome.Succeeded), (completed.ObjectId, completed.UserId, completed.Outcome));
        Assert.True(completed.Sequence > deactivated.Max(e => e.Sequence));
    }

    [Fact]
    public async Task AMemberInvitedByEmail_ThenInTheHrFile_IsMatchedByEmail_NotEnrolledTwice_AndGetsTheExternalId()
    {
        var (admin, hubId) = await NewHubAsync();
        var (_, otherHubId) = await NewHubAsync();
        await InviteMemberAsync(admin, hubId, "Ivy", "invited@acme.test");
        await InviteMemberAsync(admin, otherHubId, "Ellis", "elsewhere@acme.test");
        var invited = Assert.Single(await MembersAsync(hubId));

        var importPage = (await UploadAsync(admin, hubId, "invited-by-email.csv")).Headers.Location!.OriginalString;
        var (_, preview) = await admin.GetAsync(importPage);
        var summary = await admin.ConfirmAndWaitAsync(importPage);
        var again = await admin.ConfirmAndWaitAsync((await UploadAsync(admin, hubId, "invited-by-email.csv")).Headers.Location!.OriginalString);

        // Created, matched by e-mail: the address of another hub's member matches nobody here.
        Assert.Equal((1, 1), (ImportCount(preview, "created"), ImportCount(preview, "matched")));
        Assert.Equal((1, 1, 0, 0, 0, 0), (ImportCount(summary, "created"), ImportCount(summary, "matched"), ImportCount(summary, "updated"), ImportCount(summary, "unchanged"), ImportCount(summary, "reactivated"), ImportCount(summary, "rejected")));
        Assert.Equal((0, 0, 2), (ImportCount(again, "created"), ImportCount(again, "matched"), ImportCount(again, "unchanged")));
        var members = await MembersAsync(hubId);
        Assert.Equal(["E101", "E102"], members.Select(m => m.ExternalId));
        Assert.Equal((invited.Id, "Ivy Invited", "invited@acme.test", "Sales"), (members[0].Id, members[0].DisplayName, members[0].Email, members[0].Department));
        Assert.Null(Assert.Single(await MembersAsync(otherHubId)).ExternalId);
        var completed = await _factory.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.HubId == hubId && e.Action == AuditAction.MemberImportCompleted).OrderBy(e => e.Sequence).FirstAsync());
        Assert.EndsWith(" created=1 matched=1 updated=0 unchanged=0 reactivated=0 deactivated=0 rejected=0", completed.ObjectId);
    }

    [Fact]
    public async Task ANewExternalIdWithTheEmailOfAMemberWithAnotherId_OrOfTwoMembersWithout_IsARejectedRow_WithTheReason()
    {
        var (admin, hubId) = await NewHubAsync();
        await admin.ConfirmAndWaitAsync((await UploadAsync(admin, hubId, "comma.csv")).Headers.Location!.OriginalString);

        // The invitation page refuses an address a member of the hub has; two such members come from before that check.
        await AddMemberByHandAsync(hubId, "twin@acme.test");
        await AddMemberByHandAsync(hubId, "twin@acme.test");
        var importPage = (await UploadAsync(admin, hubId, "email-conflicts.csv")).Headers.Location!.OriginalString;
        var report = await admin.Http.GetStringAsync(importPage + "/errors");
        var summary = await admin.ConfirmAndWaitAsync(importPage);

        Assert.Equal(
            "row,column,reason\r\n2,email,This e-mail address belongs to a member with another external id.\r\n"
            + "3,email,2 members without an external id have this e-mail address: which one this row is cannot be told.\r\n",
            report.ReplaceLineEndings("\r\n"));
        Assert.Equal((1, 0, 0, 0, 2), Counts(summary));
        Assert.Equal([null, null, "E001", "E002", "E003", "E011"], (await MembersAsync(hubId)).Select(m => m.ExternalId));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DeactivatedMembersInTheFile_AreReactivated_ByAPartialOrFullImport_EachWithAnAuditEntry(bool full)
    {
        var (admin, hubId) = await NewHubAsync();
        await admin.ConfirmAndWaitAsync((await UploadAsync(admin, hubId, "comma.csv")).Headers.Location!.OriginalString);
        var leaving = (await MembersAsync(hubId)).Skip(1).Select(m => m.Id).ToList();
        foreach (var member in leaving)
        {
            var (status, _, _) = await admin.PostAsync($"/admin/hubs/{hubId}/members?status=All", $"/admin/hubs/{hubId}/members/{member}/active", new() { ["active"] = "false" });
            Assert.Equal(HttpStatusCode.Redirect, status);
        }

        var importPage = (await UploadAsync(admin, hubId, "comma.csv", full: full)).Headers.Location!.OriginalString;
        var (_, preview) = await admin.GetAsync(importPage);
        var summary = await admin.ConfirmAndWaitAsync(importPage);

        Assert.All([preview, summary], page => Assert.Equal(((0, 2, 1, 0, 0), 2), (Counts(page), ImportCount(page, "reactivated"))));
        Assert.All(await MembersAsync(hubId), m => Assert.True(m.IsActive));
        var adminId = await _factory.AccountIdAsync(DemoHub.Administrator);
        var entries = await _factory.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.HubId == hubId).OrderBy(e => e.Sequence).ToListAsync());
        var reactivated = entries.Where(e => e.Action == AuditAction.MemberReactivated).ToList();
        Assert.Equal(leaving.Select(id => id.ToString()).Order(), reactivated.Select(e => e.ObjectId!).Order());
        Assert.All(reactivated, e => Assert.Equal(adminId, e.UserId));
        Assert.EndsWith(" created=0 matched=0 updated=2 unchanged=1 reactivated=2 deactivated=0 rejected=0", entries.Last(e => e.Action == AuditAction.MemberImportCompleted).ObjectId);
    }

    [Fact]
    public async Task AFullImportOverTheShare_IsWarnedInThePreview_AndStopsWithoutChangingAnything()
    {
        var (admin, hubId) = await NewHubAsync();
        await admin.ConfirmAndWaitAsync((await UploadAsync(admin, hubId, "comma.csv")).Headers.Location!.OriginalString);
        var before = await MembersAsync(hubId);

        // Two of three (67 %) is over the default 40 %.
        var importPage = (await UploadAsync(admin, hubId, "one-of-three.csv", full: true)).Headers.Location!.OriginalString;
        var (_, preview) = await admin.GetAsync(importPage);
        var summary = await admin.ConfirmAndWaitAsync(importPage);

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

        await admin.ConfirmAndWaitAsync((await UploadAsync(admin, scenario.HubId, "comma.csv")).Headers.Location!.OriginalString);
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

    /// <summary>Uploads one of the Csv/ files, or <paramref name="content"/> under that name.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(BrowserlessClient admin, Guid hubId, string file, byte[]? content = null, bool full = false) =>
        await admin.UploadMembersAsync(hubId, file, content ?? await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "MemberImports", "Csv", file)), full);

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
    private static (int, int, int, int, int) Counts(string page) =>
        (ImportCount(page, "created"), ImportCount(page, "updated"), ImportCount(page, "unchanged"), ImportCount(page, "deactivated"), ImportCount(page, "rejected"));

    private static int ImportCount(string page, string name) => MemberImportUploads.ImportCount(page, name);

    /// <summary>Invites a member on the hub's invitations page: the member is enrolled without an external id.</summary>
    private static async Task InviteMemberAsync(BrowserlessClient admin, Guid hubId, string name, string email)
    {
        var page = $"/admin/hubs/{hubId}/invitations";
        var (status, _, _) = await admin.PostAsync(page, $"{page}/member", new() { ["Member.Name"] = name, ["Member.Email"] = email });
        Assert.Equal(HttpStatusCode.Redirect, status);
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
