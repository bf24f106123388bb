using Microsoft.EntityFrameworkCore;
using Wellbeing.Domain.Accounts;
using Wellbeing.Domain.Auditing;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Sharing;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Audit;

/// <summary>
/// Each change an administrator makes on the people pages leaves one entry: the administrator's account and role, the
/// hub, the id of what changed, the address; never a name, e-mail or department. Sending the same state again records nothing.
/// </summary>
public sealed class PeopleAuditTests(AuditedApp app) : IClassFixture<AuditedApp>
{
    [Fact]
    public async Task Deactivating_Reactivating_AndMoving_AMember_RecordEachChangeOnce_ByIdOnly()
    {
        var scenario = await HubScenario.CreateAsync(app.Factory, "AuditMembers");
        var member = (await scenario.AddMembersAsync("Sales", 1))[0];
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);
        var list = $"/admin/hubs/{scenario.HubId}/members";
        var action = $"{list}/{member}";

        await admin.PostAsync(list, $"{action}/active", new() { ["active"] = "false" });
        await admin.PostAsync(list, $"{action}/active", new() { ["active"] = "false" });
        await admin.PostAsync(list, $"{action}/active", new() { ["active"] = "true" }, htmx: true);
        await admin.PostAsync(list, $"{action}/department", new() { ["Department"] = "Customer Care" }, htmx: true);
        await admin.PostAsync(list, $"{action}/department", new() { ["Department"] = "Customer Care" }, htmx: true);

        var entries = await EntriesAsync(member.ToString());
        Assert.Equal([AuditAction.MemberDeactivated, AuditAction.MemberReactivated, AuditAction.MemberDepartmentChanged], entries.Select(e => e.Action));
        await AssertByTheAdministratorAsync(entries, scenario.HubId);
    }

    [Fact]
    public async Task AddingAndRemovingAProfessional_ConnectingAndDisconnectingAClient_AreRecorded_WithTheRevokedGrant()
    {
        var scenario = await HubScenario.CreateAsync(app.Factory, "AuditPros");
        var member = (await scenario.AddMembersAsync("Sales", 1))[0];
        var email = await app.Factory.QueryAsync(db => db.Members.Where(m => m.Id == member).Select(m => m.Email).SingleAsync());
        var professional = new Professional("Dr Audit", $"pro-{Guid.NewGuid():N}@scenario.test", "Coach");
        await app.Factory.ChangeAsync(db =>
        {
            db.Professionals.Add(professional);
            return Task.CompletedTask;
        });
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);
        var page = $"/admin/hubs/{scenario.HubId}/professionals";
        var id = professional.Id.ToString();

        await admin.PostAsync(page, page, new() { ["email"] = professional.Email });
        await admin.PostAsync(page, page, new() { ["email"] = professional.Email });
        await admin.PostAsync(page, $"{page}/connect", new() { ["professionalId"] = id, ["memberEmail"] = email });
        var connection = await app.Factory.QueryAsync(db => db.ClientConnections.Where(c => c.MemberId == member).Select(c => c.Id).SingleAsync());
        var grant = new ShareGrant(scenario.HubId, member, professional.Id, Measure.Wellbeing, DateTimeOffset.UtcNow);
        await app.Factory.ChangeAsync(db =>
        {
            db.ShareGrants.Add(grant);
            return Task.CompletedTask;
        });
        await admin.PostAsync(page, $"{page}/disconnect", new() { ["professionalId"] = id, ["memberId"] = member.ToString() });
        await admin.PostAsync(page, $"{page}/remove", new() { ["professionalId"] = id });

        var ofProfessional = await EntriesAsync(id);
        var ofConnection = await EntriesAsync(connection.ToString());
        var ofGrant = await EntriesAsync(grant.Id.ToString());
        Assert.Equal([AuditAction.ProfessionalAddedToHub, AuditAction.ProfessionalRemovedFromHub], ofProfessional.Select(e => e.Action));
        Assert.Equal([AuditAction.ClientConnected, AuditAction.ClientDisconnected], ofConnection.Select(e => e.Action));
        Assert.Equal([AuditAction.ShareRevoked], ofGrant.Select(e => e.Action));
        await AssertByTheAdministratorAsync([.. ofProfessional, .. ofConnection, .. ofGrant], scenario.HubId);
    }

    private Task<List<AuditEntry>> EntriesAsync(string objectId) =>
        app.Factory.QueryAsync(db => db.AuditEntries.Where(e => e.ObjectId == objectId).OrderBy(e => e.Sequence).ToListAsync());

    private async Task AssertByTheAdministratorAsync(IEnumerable<AuditEntry> entries, Guid hubId)
    {
        var account = await app.Factory.AccountIdAsync(DemoHub.Administrator);
        Assert.All(entries, e => Assert.Equal(
            (account, Roles.Administrator, hubId, AuditOutcome.Succeeded, ClientAddress.Documentation.ToString()),
            (e.UserId, e.Role, e.HubId, e.Outcome, e.RemoteAddress)));
    }
}
