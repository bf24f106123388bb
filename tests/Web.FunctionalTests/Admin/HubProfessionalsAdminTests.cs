using System.Net;
using Microsoft.EntityFrameworkCore;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Sessions;
using Wellbeing.Domain.Sharing;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Admin;

/// <summary>
/// An administrator adds existing professionals to a hub and takes them out, and connects the hub's members to them
/// and disconnects them; every refusal comes back on the page with its reason and changes nothing.
/// </summary>
public sealed class HubProfessionalsAdminTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Add_AProfessionalOfAnotherHub_ByTheirAddress_JoinsThisHub_AndListsThem()
    {
        var scenario = await HubScenario.CreateAsync(app.Factory, "AddPro");
        var elsewhere = await HubScenario.CreateAsync(app.Factory, "AddProElsewhere");
        var professional = await ProfessionalAsync(elsewhere.HubId);
        var admin = await AdminAsync();

        var added = await admin.PostAsync(Page(scenario.HubId), Page(scenario.HubId), new() { ["email"] = $"  {professional.Email.ToUpperInvariant()} " });
        var (_, page) = await admin.GetAsync(Page(scenario.HubId));

        Assert.Equal((HttpStatusCode.Redirect, Page(scenario.HubId)), (added.Status, added.Location?.OriginalString));
        var stored = await StoredAsync(professional.Id);
        Assert.True(stored.BelongsTo(scenario.HubId) && stored.BelongsTo(elsewhere.HubId));
        Assert.Contains("The professional was added to the hub.", page);
        Assert.Contains($"id=\"professional-{professional.Id}\"", page);
    }

    [Fact]
    public async Task Add_AnAddressOfNoProfessional_IsRefusedBesideTheField_KeepingWhatWasTyped()
    {
        var scenario = await HubScenario.CreateAsync(app.Factory, "AddNobody");
        var admin = await AdminAsync();

        var refused = await admin.PostAsync(Page(scenario.HubId), Page(scenario.HubId), new() { ["email"] = "nobody@scenario.test" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("<span class=\"field-error\" id=\"add-email-error\" role=\"alert\">No professional has this e-mail address. Invite them to the hub instead.</span>", refused.Body);
        Assert.Contains("value=\"nobody@scenario.test\"", refused.Body);
    }

    [Fact]
    public async Task Add_WithoutAnAddress_IsRefusedBesideTheField()
    {
        var scenario = await HubScenario.CreateAsync(app.Factory, "AddBlank");
        var admin = await AdminAsync();

        var refused = await admin.PostAsync(Page(scenario.HubId), Page(scenario.HubId), new() { ["email"] = "  " });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("<span class=\"field-error\" id=\"add-email-error\" role=\"alert\">Enter the professional's e-mail address.</span>", refused.Body);
    }

    [Fact]
    public async Task Connect_AMemberOfTheHub_ByTheirAddress_ConnectsThemOnce_AndListsThemUnderTheProfessional()
    {
        var scenario = await HubScenario.CreateAsync(app.Factory, "Connect");
        var professional = await ProfessionalAsync(scenario.HubId);
        var member = await MemberAsync((await scenario.AddMembersAsync("Sales", 1))[0]);
        var admin = await AdminAsync();
        Dictionary<string, string> Fields() => new() { ["professionalId"] = professional.Id.ToString(), ["memberEmail"] = member.Email.ToUpperInvariant() };

        var first = await admin.PostAsync(Page(scenario.HubId), Connect(scenario.HubId), Fields());
        var again = await admin.PostAsync(Page(scenario.HubId), Connect(scenario.HubId), Fields());
        var (_, page) = await admin.GetAsync(Page(scenario.HubId));

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (first.Status, again.Status));
        var connection = Assert.Single(await ConnectionsAsync(scenario.HubId));
        Assert.Equal((member.Id, professional.Id), (connection.MemberId, connection.ProfessionalId));
        Assert.Contains($"name=\"memberId\" value=\"{member.Id}\"", page);
    }

    [Fact]
    public async Task Connect_AMemberOfAnotherHub_IsRefused_AsNoMemberOfThisHub()
    {
        var scenario = await HubScenario.CreateAsync(app.Factory, "CrossMember");
        var professional = await ProfessionalAsync(scenario.HubId);
        var admin = await AdminAsync();

        var refused = await admin.PostAsync(Page(scenario.HubId), Connect(scenario.HubId),
            new() { ["professionalId"] = professional.Id.ToString(), ["memberEmail"] = DemoHub.Client(2) });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("No member of this hub has this e-mail address.", refused.Body);
        Assert.Contains($"value=\"{DemoHub.Client(2)}\"", refused.Body);
        Assert.Empty(await ConnectionsAsync(scenario.HubId));
    }

    [Fact]
    public async Task Connect_ToAProfessionalOfAnotherHub_IsRefused_WithTheReasonAboveThePage()
    {
        var scenario = await HubScenario.CreateAsync(app.Factory, "CrossPro");
        var elsewhere = await HubScenario.CreateAsync(app.Factory, "CrossProElsewhere");
        var professional = await ProfessionalAsync(elsewhere.HubId);
        var member = await MemberAsync((await scenario.AddMembersAsync("Sales", 1))[0]);
        var admin = await AdminAsync();

        var refused = await admin.PostAsync(Page(scenario.HubId), Connect(scenario.HubId),
            new() { ["professionalId"] = professional.Id.ToString(), ["memberEmail"] = member.Email });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("<p class=\"error-summary\" role=\"alert\">This professional does not work in this member's hub. Add them to the hub first.</p>", refused.Body);
        Assert.Empty(await ConnectionsAsync(scenario.HubId));
        Assert.Empty(await ConnectionsAsync(elsewhere.HubId));
    }

    [Fact]
    public async Task Connect_ADeactivatedMember_IsRefused()
    {
        var scenario = await HubScenario.CreateAsync(app.Factory, "ConnectInactive");
        var professional = await ProfessionalAsync(scenario.HubId);
        var id = (await scenario.AddMembersAsync("Sales", 1))[0];
        await scenario.DeactivateAsync(id);
        var admin = await AdminAsync();

        var refused = await admin.PostAsync(Page(scenario.HubId), Connect(scenario.HubId),
            new() { ["professionalId"] = professional.Id.ToString(), ["memberEmail"] = (await MemberAsync(id)).Email });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("This member is deactivated. Reactivate them before connecting them to a professional.", refused.Body);
        Assert.Empty(await ConnectionsAsync(scenario.HubId));
    }

    [Fact]
    public async Task Disconnect_RemovesTheConnection_AndRevokesWhatTheClientShared()
    {
        var scenario = await HubScenario.CreateAsync(app.Factory, "Disconnect");
        var professional = await ProfessionalAsync(scenario.HubId);
        var member = (await scenario.AddMembersAsync("Sales", 1))[0];
        await ConnectAsync(scenario.HubId, member, professional.Id, shares: true);
        var admin = await AdminAsync();

        var done = await admin.PostAsync(Page(scenario.HubId), Disconnect(scenario.HubId),
            new() { ["professionalId"] = professional.Id.ToString(), ["memberId"] = member.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        Assert.Empty(await ConnectionsAsync(scenario.HubId));
        var grant = await app.Factory.QueryAsync(db => db.ShareGrants.SingleAsync(g => g.MemberId == member));
        Assert.NotNull(grant.RevokedAt);
    }

    [Fact]
    public async Task Disconnect_WithASessionNotEnded_IsRefusedWithTheReason_AndKeepsEverything()
    {
        var scenario = await HubScenario.CreateAsync(app.Factory, "DisconnectOpen");
        var professional = await ProfessionalAsync(scenario.HubId);
        var member = (await scenario.AddMembersAsync("Sales", 1))[0];
        await ConnectAsync(scenario.HubId, member, professional.Id, shares: true);
        await app.Factory.ChangeAsync(db =>
        {
            db.CareSessions.Add(new CareSession(scenario.HubId, member, professional.Id, DateTimeOffset.UtcNow.AddDays(3), 1));
            return Task.CompletedTask;
        });
        var admin = await AdminAsync();

        var refused = await admin.PostAsync(Page(scenario.HubId), Disconnect(scenario.HubId),
            new() { ["professionalId"] = professional.Id.ToString(), ["memberId"] = member.ToString() });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains($"id=\"disconnect-{professional.Id}-{member}-error\" role=\"alert\">This client has 1 session with the professional that is not ended. End it first.</span>", refused.Body);
        Assert.Single(await ConnectionsAsync(scenario.HubId));
        Assert.Null(await app.Factory.QueryAsync(db => db.ShareGrants.Where(g => g.MemberId == member).Select(g => g.RevokedAt).SingleAsync()));
    }

    [Fact]
    public async Task Disconnect_APairNotConnected_IsNotFound()
    {
        var scenario = await HubScenario.CreateAsync(app.Factory, "DisconnectNone");
        var professional = await ProfessionalAsync(scenario.HubId);
        var member = (await scenario.AddMembersAsync("Sales", 1))[0];
        var admin = await AdminAsync();

        var refused = await admin.PostAsync(Page(scenario.HubId), Disconnect(scenario.HubId),
            new() { ["professionalId"] = professional.Id.ToString(), ["memberId"] = member.ToString() });

        Assert.Equal(HttpStatusCode.NotFound, refused.Status);
    }

    [Fact]
    public async Task Remove_AProfessionalWithClientsInTheHub_IsRefusedWithTheReason_AndKeepsThem()
    {
        var scenario = await HubScenario.CreateAsync(app.Factory, "RemoveBusy");
        var professional = await ProfessionalAsync(scenario.HubId);
        var members = await scenario.AddMembersAsync("Sales", 2);
        foreach (var member in members)
        {
            await ConnectAsync(scenario.HubId, member, professional.Id, shares: false);
        }

        var admin = await AdminAsync();

        var refused = await admin.PostAsync(Page(scenario.HubId), Remove(scenario.HubId), new() { ["professionalId"] = professional.Id.ToString() });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains($"id=\"remove-{professional.Id}-error\" role=\"alert\">This professional still works with 2 clients in this hub. Disconnect them first.</span>", refused.Body);
        Assert.True((await StoredAsync(professional.Id)).BelongsTo(scenario.HubId));
    }

    [Fact]
    public async Task Remove_AProfessionalWithoutClientsThere_LeavesThisHubOnly()
    {
        var scenario = await HubScenario.CreateAsync(app.Factory, "Remove");
        var elsewhere = await HubScenario.CreateAsync(app.Factory, "RemoveElsewhere");
        var professional = await ProfessionalAsync(scenario.HubId, elsewhere.HubId);
        var admin = await AdminAsync();

        var removed = await admin.PostAsync(Page(scenario.HubId), Remove(scenario.HubId), new() { ["professionalId"] = professional.Id.ToString() });
        var (_, page) = await admin.GetAsync(Page(scenario.HubId));

        Assert.Equal(HttpStatusCode.Redirect, removed.Status);
        var stored = await StoredAsync(professional.Id);
        Assert.Equal((false, true), (stored.BelongsTo(scenario.HubId), stored.BelongsTo(elsewhere.HubId)));
        Assert.DoesNotContain($"id=\"professional-{professional.Id}\"", page);
    }

    [Fact]
    public async Task Remove_AProfessionalNotInTheHub_IsNotFound()
    {
        var scenario = await HubScenario.CreateAsync(app.Factory, "RemoveStranger");
        var elsewhere = await HubScenario.CreateAsync(app.Factory, "RemoveStrangerElsewhere");
        var professional = await ProfessionalAsync(elsewhere.HubId);
        var admin = await AdminAsync();

        var refused = await admin.PostAsync(Page(scenario.HubId), Remove(scenario.HubId), new() { ["professionalId"] = professional.Id.ToString() });

        Assert.Equal(HttpStatusCode.NotFound, refused.Status);
        Assert.True((await StoredAsync(professional.Id)).BelongsTo(elsewhere.HubId));
    }

    [Fact]
    public async Task TheHubPage_LinksItsProfessionals()
    {
        var northwind = await app.Factory.HubIdAsync(DemoHub.Slug);
        var admin = await AdminAsync();

        var (_, hub) = await admin.GetAsync($"/admin/hubs/{northwind}");

        Assert.Contains($"<a href=\"/admin/hubs/{northwind}/professionals\">", hub);
    }

    [Fact]
    public async Task Connect_WithHtmx_RedrawsTheProfessionalsInPlace_WithWhatHappened()
    {
        var scenario = await HubScenario.CreateAsync(app.Factory, "ConnectHtmx");
        var professional = await ProfessionalAsync(scenario.HubId);
        var member = await MemberAsync((await scenario.AddMembersAsync("Sales", 1))[0]);
        var admin = await AdminAsync();

        var response = await HtmxPostAsync(admin, Page(scenario.HubId), Connect(scenario.HubId), new() { ["professionalId"] = professional.Id.ToString(), ["memberEmail"] = member.Email });
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("<div id=\"professionals\">", body.TrimStart());
        Assert.DoesNotContain("<html", body);
        Assert.Contains("<p role=\"status\">The client was connected.</p>", body);
        Assert.Contains($"name=\"memberId\" value=\"{member.Id}\"", body);
        Assert.Contains("HX-Request", response.Headers.Vary);
        Assert.Single(await ConnectionsAsync(scenario.HubId));
    }

    [Fact]
    public async Task Add_Refused_WithHtmx_RedrawsTheProfessionalsWithTheMessageAndWhatWasTyped_422()
    {
        var scenario = await HubScenario.CreateAsync(app.Factory, "AddHtmx");
        var admin = await AdminAsync();

        var response = await HtmxPostAsync(admin, Page(scenario.HubId), Page(scenario.HubId), new() { ["email"] = "nobody@scenario.test" });
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.StartsWith("<div id=\"professionals\">", body.TrimStart());
        Assert.Contains("<span class=\"field-error\" id=\"add-email-error\" role=\"alert\">No professional has this e-mail address. Invite them to the hub instead.</span>", body);
        Assert.Contains("value=\"nobody@scenario.test\"", body);
    }

    [Fact]
    public async Task ThePage_AsAnHtmxFragment_OrForAHistoryRestore_TheWholePage_BothVaryingOnHxRequest()
    {
        var northwind = await app.Factory.HubIdAsync(DemoHub.Slug);
        var admin = await AdminAsync();
        using var swap = new HttpRequestMessage(HttpMethod.Get, Page(northwind));
        swap.Headers.Add("HX-Request", "true");
        using var restore = new HttpRequestMessage(HttpMethod.Get, Page(northwind));
        restore.Headers.Add("HX-Request", "true");
        restore.Headers.Add("HX-History-Restore-Request", "true");

        var fragment = await admin.Http.SendAsync(swap);
        var page = await admin.Http.SendAsync(restore);

        Assert.StartsWith("<div id=\"professionals\">", (await fragment.Content.ReadAsStringAsync()).TrimStart());
        var whole = await page.Content.ReadAsStringAsync();
        Assert.Contains("<html", whole);
        Assert.Contains("<h1>Professionals of ", whole);
        Assert.Contains("HX-Request", fragment.Headers.Vary);
        Assert.Contains("HX-Request", page.Headers.Vary);
    }

    /// <summary>Posts a form of the page as htmx does: its fields, the antiforgery token in the header, HX-Request.</summary>
    private static async Task<HttpResponseMessage> HtmxPostAsync(BrowserlessClient admin, string page, string action, Dictionary<string, string> fields)
    {
        var token = Antiforgery.TokenOf(await admin.Http.GetStringAsync(page));
        using var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("HX-Request", "true");
        request.Headers.Add(Antiforgery.HeaderName, token);
        return await admin.Http.SendAsync(request);
    }

    private static string Page(Guid hubId) => $"/admin/hubs/{hubId}/professionals";

    private static string Connect(Guid hubId) => Page(hubId) + "/connect";

    private static string Disconnect(Guid hubId) => Page(hubId) + "/disconnect";

    private static string Remove(Guid hubId) => Page(hubId) + "/remove";

    private Task<BrowserlessClient> AdminAsync() => BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);

    private async Task<Professional> ProfessionalAsync(params Guid[] hubs)
    {
        var professional = new Professional("Dr Scenario", $"pro-{Guid.NewGuid():N}@scenario.test", "Psychologist");
        foreach (var hub in hubs)
        {
            professional.JoinHub(hub, DateTimeOffset.UtcNow);
        }

        await app.Factory.ChangeAsync(db =>
        {
            db.Professionals.Add(professional);
            return Task.CompletedTask;
        });
        return professional;
    }

    private Task ConnectAsync(Guid hubId, Guid memberId, Guid professionalId, bool shares) =>
        app.Factory.ChangeAsync(db =>
        {
            db.ClientConnections.Add(new ClientConnection(hubId, memberId, professionalId, DateTimeOffset.UtcNow));
            if (shares)
            {
                db.ShareGrants.Add(new ShareGrant(hubId, memberId, professionalId, Measure.Wellbeing, DateTimeOffset.UtcNow));
            }

            return Task.CompletedTask;
        });

    private Task<Professional> StoredAsync(Guid id) => app.Factory.QueryAsync(db => db.Professionals.Include(p => p.Hubs).SingleAsync(p => p.Id == id));

    private Task<Member> MemberAsync(Guid id) => app.Factory.QueryAsync(db => db.Members.SingleAsync(m => m.Id == id));

    private Task<List<ClientConnection>> ConnectionsAsync(Guid hubId) => app.Factory.QueryAsync(db => db.ClientConnections.Where(c => c.HubId == hubId).ToListAsync());
}
