using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wellbeing.Application.Auditing;
using Wellbeing.Application.PartnerClients;
using Wellbeing.Domain.Accounts;
using Wellbeing.Domain.Auditing;
using Wellbeing.Domain.Common;
using Wellbeing.Infrastructure.Persistence;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Audit;

/// <summary>Each audited action, done over HTTP as its user would, leaves one entry saying who, where, what and how it went.</summary>
public sealed partial class AuditRecordingTests(AuditedApp app) : IClassFixture<AuditedApp>
{
    private readonly string _address = ClientAddress.Documentation.ToString();

    [Fact]
    public async Task StoppingAndStartingToShare_RecordsEachGrant_WithTheClientsAccountRoleHubAndAddress()
    {
        var email = DemoHub.Client(3);
        var memberId = await app.Factory.MemberIdAsync(email);
        var professionalId = await app.Factory.ProfessionalIdAsync(DemoHub.FirstProfessional);
        var client = await BrowserlessClient.SignedInAsync(app.Factory, email);
        var grantId = await app.Factory.QueryAsync(db => db.ShareGrants
            .Where(g => g.MemberId == memberId && g.ProfessionalId == professionalId && g.Measure == Measure.Wellbeing && g.RevokedAt == null)
            .Select(g => g.Id).SingleAsync());

        await client.PostFormAsync("/sharing", "/sharing", SharingFields(professionalId, share: false));
        await client.PostFormAsync("/sharing", "/sharing", SharingFields(professionalId, share: true));

        var newGrantId = await app.Factory.QueryAsync(db => db.ShareGrants
            .Where(g => g.MemberId == memberId && g.ProfessionalId == professionalId && g.Measure == Measure.Wellbeing && g.RevokedAt == null)
            .Select(g => g.Id).SingleAsync());
        var revoked = Assert.Single(await app.Factory.OfAsync(AuditAction.ShareRevoked));
        var granted = Assert.Single(await app.Factory.OfAsync(AuditAction.ShareGranted));
        var hubId = await app.Factory.HubIdAsync(DemoHub.Slug);
        var accountId = await app.Factory.AccountIdAsync(email);
        Assert.Equal((accountId, Roles.Client, hubId, grantId.ToString(), AuditOutcome.Succeeded, _address),
            (revoked.UserId, revoked.Role, revoked.HubId, revoked.ObjectId, revoked.Outcome, revoked.RemoteAddress));
        Assert.Equal((accountId, newGrantId.ToString()), (granted.UserId, granted.ObjectId));
        Assert.True(granted.Sequence > revoked.Sequence);
    }

    [Fact]
    public async Task ProfessionalOpeningSharedScores_IsRecorded_WithTheMemberAndNoScore()
    {
        var professionalId = await app.Factory.ProfessionalIdAsync(DemoHub.SecondProfessional);
        var memberId = await app.Factory.QueryAsync(db => db.ShareGrants
            .Where(g => g.ProfessionalId == professionalId && g.Measure == Measure.Wellbeing && g.RevokedAt == null && db.Submissions.Any(s => s.MemberId == g.MemberId))
            .Select(g => g.MemberId).FirstAsync());
        var professional = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.SecondProfessional);

        var (status, _) = await professional.GetAsync($"/clients/{memberId}");

        Assert.Equal(HttpStatusCode.OK, status);
        var viewed = Assert.Single(await app.Factory.OfAsync(AuditAction.ScoresViewed));
        Assert.Equal((await app.Factory.AccountIdAsync(DemoHub.SecondProfessional), Roles.Professional, memberId.ToString()), (viewed.UserId, viewed.Role, viewed.ObjectId));
    }

    [Fact]
    public async Task DownloadsOfMyDataAndOfHrFigures_AreRecorded_ByFormat()
    {
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Client(7));
        var hr = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.HrManager);
        var hubId = await app.Factory.HubIdAsync(DemoHub.Slug);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/my-data/export.json")).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/my-data/export.fhir.json")).Status);
        Assert.Equal(HttpStatusCode.OK, (await hr.GetAsync($"/hubs/{hubId}/hr/export.csv")).Status);

        // Entries other tests of the class record outside a request name no account.
        var exports = (await app.Factory.OfAsync(AuditAction.DataExported)).Where(e => e.UserId is not null).ToList();
        var clientId = await app.Factory.AccountIdAsync(DemoHub.Client(7));
        var hrId = await app.Factory.AccountIdAsync(DemoHub.HrManager);
        Assert.Equal(
            [(clientId, Roles.Client, DataExports.MyDataJson), (clientId, Roles.Client, DataExports.MyDataFhir), (hrId, Roles.HrManager, DataExports.HrFiguresCsv)],
            exports.Select(e => (e.UserId, e.Role, e.ObjectId)));
        Assert.All(exports, e => Assert.Equal(hubId, e.HubId));
    }

    [Fact]
    public async Task RegisteringAndRemovingAPartnerSystem_AreRecorded_WithItsClientIdAndHub()
    {
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);
        var fabrikam = await app.Factory.HubIdAsync("fabrikam");
        var registered = await admin.SubmitFormAsync("/admin/partners", "/admin/partners", new Dictionary<string, string>
        {
            ["Form.DisplayName"] = "Audited HRIS", ["Form.HubId"] = fabrikam.ToString(), ["Form.Scopes"] = PartnerScopes.AggregatesRead,
        });
        var clientId = NewClientId().Match(await registered.Content.ReadAsStringAsync()).Groups[1].Value;

        var removed = await admin.PostFormAsync("/admin/partners", $"/admin/partners/{clientId}/revoke", []);

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var adminId = await app.Factory.AccountIdAsync(DemoHub.Administrator);
        Assert.Equal((adminId, Roles.Administrator, fabrikam, clientId), Fields(Assert.Single(await app.Factory.OfAsync(AuditAction.PartnerClientRegistered))));
        Assert.Equal((adminId, Roles.Administrator, fabrikam, clientId), Fields(Assert.Single(await app.Factory.OfAsync(AuditAction.PartnerClientRemoved))));
    }

    [Fact]
    public async Task FailedSignIns_NameTheAccountAndItsRoleWhenThereIsOne_AndNeverTheEmail()
    {
        var browser = BrowserlessClient.For(app.Factory);
        var known = DemoHub.Client(11);

        await browser.SignInAsync(known, "not the password");
        await browser.SignInAsync("stranger@example.test", "whatever");

        var failures = await app.Factory.OfAsync(AuditAction.SignInFailed);
        Assert.Equal(new (string?, string?)[] { (await app.Factory.AccountIdAsync(known), Roles.Client), (null, null) }, failures.Select(f => (f.UserId, f.Role)));
        Assert.All(failures, f =>
        {
            Assert.Equal((AuditOutcome.Refused, (string?)null, _address), (f.Outcome, f.ObjectId, f.RemoteAddress));
            Assert.DoesNotContain("@", string.Join("|", f.UserId, f.ObjectId));
        });
    }

    [Fact]
    public async Task DeletingMyAccount_IsRecorded_WithTheMemberGone()
    {
        var email = DemoHub.Client(12);
        var memberId = await app.Factory.MemberIdAsync(email);
        var accountId = await app.Factory.AccountIdAsync(email);
        var client = await BrowserlessClient.SignedInAsync(app.Factory, email);

        var response = await client.PostFormAsync("/my-data", "/my-data/delete", new() { ["confirm"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var deleted = Assert.Single(await app.Factory.OfAsync(AuditAction.AccountDeleted));
        Assert.Equal((accountId, Roles.Client, await app.Factory.HubIdAsync(DemoHub.Slug), memberId.ToString()), Fields(deleted));
        Assert.False(await app.Factory.QueryAsync(db => db.Members.AnyAsync(m => m.Id == memberId)));
    }

    [Fact]
    public async Task RequestingPublication_IsRecorded_WithTheQueuedJob()
    {
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);

        await admin.PostFormAsync("/admin", "/admin/statistics/publish", []);

        var requested = Assert.Single(await app.Factory.OfAsync(AuditAction.PublicationRequested));
        Assert.Equal(await app.Factory.AccountIdAsync(DemoHub.Administrator), requested.UserId);
        Assert.False(string.IsNullOrEmpty(requested.ObjectId));
    }

    [Fact]
    public async Task ManyWritersAtOnce_AppendOneUnbrokenChain()
    {
        var before = await app.Factory.QueryAsync(db => db.AuditEntries.CountAsync());

        await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(() => app.Factory.RecordAsync(AuditAction.DataExported, null, $"concurrent-{i}"))));

        var sequences = await app.Factory.QueryAsync(db => db.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync());
        Assert.True(sequences.Count >= before + 24);
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);
        await admin.PostFormAsync("/admin/audit", "/admin/audit/verify", []);
        Assert.Contains("The audit log is intact", WebUtility.HtmlDecode((await admin.GetAsync("/admin/audit")).Body));
    }

    [Fact]
    public async Task StoredEntries_CannotBeChangedThroughTheApp()
    {
        await app.Factory.QueryAsync(async db =>
        {
            db.AuditEntries.Add(new AuditEntry(DateTimeOffset.UtcNow, null, null, null, AuditAction.DataExported, "kept", AuditOutcome.Succeeded, null));
            return await db.SaveChangesAsync();
        });

        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WellbeingDbContext>();
        var entry = await db.AuditEntries.AsTracking().SingleAsync(e => e.ObjectId == "kept");
        db.Entry(entry).Property(e => e.ObjectId).CurrentValue = "changed";

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.Entry(entry).State = Microsoft.EntityFrameworkCore.EntityState.Deleted;
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    private static (string?, string?, Guid?, string?) Fields(AuditEntry entry) => (entry.UserId, entry.Role, entry.HubId, entry.ObjectId);

    private static Dictionary<string, string> SharingFields(Guid professionalId, bool share) =>
        new() { ["professionalId"] = professionalId.ToString(), ["measure"] = "Wellbeing", ["share"] = share ? "true" : "false" };

    [GeneratedRegex("<code id=\"new-client-id\">([^<]+)</code>")]
    private static partial Regex NewClientId();
}
