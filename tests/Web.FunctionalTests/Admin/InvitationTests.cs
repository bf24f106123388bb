using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Wellbeing.Application.Invitations.Queries;
using Wellbeing.Domain.Accounts;
using Wellbeing.Domain.Auditing;
using Wellbeing.Domain.Invitations;
using Wellbeing.Domain.Professionals;
using Wellbeing.Infrastructure.Identity;
using Wellbeing.Infrastructure.Persistence;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Audit;
using Wellbeing.Web.FunctionalTests.Support;
using Wellbeing.Web.Security;
using static Wellbeing.Web.FunctionalTests.Support.InvitationWorld;

namespace Wellbeing.Web.FunctionalTests.Admin;

/// <summary>
/// An administrator invites an HR manager, a professional and a member on the hub's invitations page; each follows the
/// link in the e-mail they received, chooses a password and lands signed in on their role's page. Then every refusal:
/// at invitation time, and a link that is used, withdrawn, expired, tampered with or posted twice at once.
/// </summary>
public sealed class InvitationTests : IAsyncLifetime
{
    private InvitationWorld _world = null!;

    // The throttle has its own test below; here many requests come from one address.
    public async Task InitializeAsync() => _world = await CreateAsync(new Dictionary<string, string?> { [$"{SignInThrottle.InvitationSection}:Burst"] = "1000" });

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task HrManager_FollowsTheEmailedLink_SetsAPassword_AndLandsSignedInOnTheHubsHrPage()
    {
        const string email = "New.HR@Employer.test";

        var invited = await _world.InviteHrManagerAsync(email);
        var link = await _world.LinkSentToAsync("new.hr@employer.test");
        var form = await BrowserlessClient.For(_world.Factory).GetAsync(link);
        var (accepted, browser) = await _world.AcceptAsync(link);
        var landing = await browser.Http.GetAsync("/");
        var own = await browser.Http.GetAsync(landing.Headers.Location!.OriginalString);
        var hr = await browser.GetAsync(own.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("You will sign in with <strong>new.hr@employer.test</strong>", form.Body);
        Assert.Contains("as the HR manager", form.Body);
        Assert.Equal("/", accepted.Headers.Location?.OriginalString);
        Assert.Equal("/hr", landing.Headers.Location?.OriginalString);
        Assert.Equal($"/hubs/{_world.Hub.HubId}/hr", own.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, hr.Status);
        var user = await _world.Factory.QueryAsync(db => db.Users.SingleAsync(u => u.Email == "new.hr@employer.test"));
        Assert.Equal(_world.Hub.HubId, user.HrHubId);
        Assert.True(await InRoleAsync(user, Roles.HrManager));
        var invitation = Assert.Single(await _world.InvitationsAsync());
        Assert.Equal((InvitedRole.HrManager, user.Id), (invitation.Role, invitation.UserId));
    }

    [Fact]
    public async Task InvitationEmail_NamesHubAndRole_CarriesTheLinkAndExpiry_AndNoUnsubscribeOrPersonalData()
    {
        await _world.InviteAsync("member", new() { ["Member.Name"] = "Grace Hopper", ["Member.Email"] = "grace@employer.test", ["Member.Department"] = "Finance" });

        await _world.Outbox.RunJobAsync();

        var message = Assert.Single(_world.Outbox.ReceivedBy("grace@employer.test"));
        Assert.Equal("Your invitation to Wellbeing Hubs (Northwind)", message.Subject);
        Assert.Null(message.Headers[HeaderId.ListUnsubscribe]);
        foreach (var body in new[] { message.TextBody, message.HtmlBody })
        {
            Assert.Contains("take part in the wellbeing programme of Northwind", body);
            Assert.Contains($"{_world.Outbox.Now.AddDays(7):d MMMM yyyy}", body);
            Assert.DoesNotContain("Grace", body);
            Assert.DoesNotContain("Finance", body);
        }

        var invitation = Assert.Single(await _world.InvitationsAsync());
        Assert.True(Wellbeing.Domain.Invitations.Invitation.TryReadToken(new Uri(new Uri("http://localhost"), LinkIn(message)).Segments[^1], out var id, out var secret));
        Assert.Equal(invitation.Id, id);
        Assert.DoesNotContain(secret, await _world.Factory.QueryAsync(db => db.OutboxMessages.Select(m => m.DeduplicationKey).SingleAsync()));
    }

    [Fact]
    public async Task Professional_New_IsCreatedInTheHub_AndTheLinkLinksTheirAccount_LandingOnTheClientsList()
    {
        await _world.InviteAsync("professional", new() { ["Professional.Name"] = "Dr Ada Lovelace", ["Professional.Title"] = "Psychologist", ["Professional.Email"] = "ada@clinic.test" });
        var link = await _world.LinkSentToAsync("ada@clinic.test");

        var (accepted, browser) = await _world.AcceptAsync(link);
        var landing = await browser.Http.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("/clients", landing.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/clients")).Status);
        var professional = await ProfessionalAsync("ada@clinic.test");
        Assert.True(professional.BelongsTo(_world.Hub.HubId));
        Assert.Equal(("Dr Ada Lovelace", "Psychologist"), (professional.DisplayName, professional.Title));
        var user = await _world.Factory.QueryAsync(db => db.Users.SingleAsync(u => u.Email == "ada@clinic.test"));
        Assert.Equal(user.Id, professional.UserId);
        Assert.True(await InRoleAsync(user, Roles.Professional));
    }

    [Fact]
    public async Task Professional_WhoHasAnAccountInAnotherHub_JustJoinsThisHub_WithoutAnEmail()
    {
        var other = await HubScenario.CreateAsync(_world.Factory, "Fabrikam");
        await _world.InviteAsync("professional", new() { ["Professional.Name"] = "Dr Ada Lovelace", ["Professional.Title"] = "Psychologist", ["Professional.Email"] = "ada@clinic.test" });
        var (accepted, _) = await _world.AcceptAsync(await _world.LinkSentToAsync("ada@clinic.test"));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var otherPage = $"/admin/hubs/{other.HubId}/invitations";

        var joined = await _world.Admin.PostFormAsync(otherPage, $"{otherPage}/professional", new() { ["Professional.Name"] = "Ada L.", ["Professional.Title"] = "Coach", ["Professional.Email"] = "ADA@clinic.test" });
        var page = await _world.Admin.GetAsync(otherPage);
        await _world.Outbox.RunJobAsync();

        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        Assert.Contains("This professional already has an account and now works in this hub too; no e-mail is sent.", page.Body);
        var professional = await ProfessionalAsync("ada@clinic.test");
        Assert.True(professional.BelongsTo(other.HubId));
        Assert.Equal("Dr Ada Lovelace", professional.DisplayName);
        Assert.Single(_world.Outbox.ReceivedBy("ada@clinic.test"));
        Assert.Equal(0, await _world.Factory.QueryAsync(db => db.Invitations.CountAsync(i => i.HubId == other.HubId)));
    }

    [Fact]
    public async Task Member_Invited_IsEnrolledWithDepartmentAndExternalId_AndTheLinkOpensTheirOwnPages()
    {
        await _world.InviteAsync("member", new() { ["Member.Name"] = "Grace Hopper", ["Member.Email"] = "grace@employer.test", ["Member.Department"] = "Finance", ["Member.ExternalId"] = "E-1001" });
        var member = await _world.Factory.QueryAsync(db => db.Members.AsNoTracking().SingleAsync(m => m.Email == "grace@employer.test"));
        Assert.Equal((_world.Hub.HubId, "Grace Hopper", "Finance", "E-1001", (string?)null), (member.HubId, member.DisplayName, member.Department, member.ExternalId, member.UserId));

        var (accepted, browser) = await _world.AcceptAsync(await _world.LinkSentToAsync("grace@employer.test"));
        var landing = await browser.Http.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("/dashboard", landing.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/dashboard")).Status);
        var user = await _world.Factory.QueryAsync(db => db.Users.SingleAsync(u => u.Email == "grace@employer.test"));
        Assert.Equal(user.Id, await _world.Factory.QueryAsync(db => db.Members.Where(m => m.Id == member.Id).Select(m => m.UserId).SingleAsync()));
        Assert.True(await InRoleAsync(user, Roles.Client));
    }

    [Fact]
    public async Task Member_WhoDeletesTheAccountTheyWereInvitedTo_LeavesNoInvitationOrItsEmailBehind()
    {
        await _world.InviteAsync("member", new() { ["Member.Name"] = "Grace Hopper", ["Member.Email"] = "grace@employer.test" });
        var (_, browser) = await _world.AcceptAsync(await _world.LinkSentToAsync("grace@employer.test"));

        var deleted = await browser.PostFormAsync("/my-data", "/my-data/delete", new() { ["confirm"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Empty(await _world.InvitationsAsync());
        Assert.Equal(0, await _world.Factory.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.InvitationId != null)));
        Assert.Equal(0, await _world.Factory.QueryAsync(db => db.Members.CountAsync(m => m.Email == "grace@employer.test")));
    }

    [Fact]
    public async Task InviteEveryMember_InvitesOnlyActiveMembersWithoutAccountOrPendingInvitation()
    {
        var ids = await _world.Hub.AddMembersAsync("Imported", 4);
        var emails = await _world.Factory.QueryAsync(db => db.Members.Where(m => ids.Contains(m.Id)).OrderBy(m => m.Email).Select(m => new { m.Id, m.Email }).ToListAsync());
        var withAccount = await _world.Hub.OpenClientAccountAsync(emails[0].Id);
        await _world.Hub.DeactivateAsync(emails[1].Id);
        await _world.InviteAsync("member", new() { ["Member.Name"] = "Grace Hopper", ["Member.Email"] = "grace@employer.test" });
        var before = await _world.Admin.GetAsync(_world.PagePath);

        var first = await _world.Admin.PostFormAsync(_world.PagePath, $"{_world.PagePath}/members-without-account", []);
        var after = await _world.Admin.GetAsync(_world.PagePath);
        var second = await _world.Admin.PostFormAsync(_world.PagePath, $"{_world.PagePath}/members-without-account", []);
        await _world.Outbox.RunJobAsync();

        Assert.Contains("2 active members (for example from an import) have no account and no pending invitation.", before.Body);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("2 members were invited.", after.Body);
        Assert.Contains("0 active members", after.Body);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Empty(_world.Outbox.ReceivedBy(withAccount));
        Assert.Empty(_world.Outbox.ReceivedBy(emails[1].Email));
        Assert.Single(_world.Outbox.ReceivedBy(emails[2].Email));
        Assert.Single(_world.Outbox.ReceivedBy(emails[3].Email));
        Assert.Single(_world.Outbox.ReceivedBy("grace@employer.test"));
    }

    [Fact]
    public async Task MembersToInvite_AreCountedInTheDatabase_NotLoadedRowByRow()
    {
        await _world.Hub.AddMembersAsync("Imported", 3);
        await _world.InviteAsync("member", new() { ["Member.Name"] = "Grace Hopper", ["Member.Email"] = "grace@employer.test" });
        await using var scope = _world.Factory.Services.CreateAsyncScope();
        using var counter = new CommandCounter(scope.ServiceProvider.GetRequiredService<WellbeingDbContext>());

        var page = await scope.ServiceProvider.GetRequiredService<GetInvitationsHandler>().Handle(new GetInvitationsQuery(_world.Hub.HubId), CancellationToken.None);

        Assert.Equal(3, page.MembersToInvite);
        var memberReads = counter.Texts.Where(sql => System.Text.RegularExpressions.Regex.IsMatch(sql, "FROM\\s+[\"\\[`]?Members\\b")).ToList();
        Assert.NotEmpty(memberReads);
        Assert.All(memberReads, sql => Assert.StartsWith("SELECT COUNT(*)", sql.TrimStart(), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task InviteEveryMember_LeavesOutAMemberWhoseAddressHasAnAccount_AndSaysSo()
    {
        var id = (await _world.Hub.AddMembersAsync("Imported", 1))[0];
        var email = await _world.Factory.QueryAsync(db => db.Members.Where(m => m.Id == id).Select(m => m.Email).SingleAsync());
        await using (var scope = _world.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.True((await users.CreateAsync(new ApplicationUser { UserName = email, Email = email }, "Other!2026pass")).Succeeded);
        }

        await _world.Admin.PostFormAsync(_world.PagePath, $"{_world.PagePath}/members-without-account", []);
        var page = await _world.Admin.GetAsync(_world.PagePath);

        Assert.Contains("0 members were invited; 1 were not, because their address already has an account.", page.Body);
        Assert.Empty(await _world.InvitationsAsync());
    }

    [Theory]
    [InlineData("hr-manager", "HrManager.Email", "", "Enter the HR manager's e-mail address.")]
    [InlineData("hr-manager", "HrManager.Email", "not an address", "Enter an e-mail address like name@example.com.")]
    [InlineData("professional", "Professional.Email", "pro@", "Enter an e-mail address like name@example.com.")]
    [InlineData("member", "Member.Email", "Grace Hopper <grace@employer.test>", "Enter an e-mail address like name@example.com.")]
    [InlineData("hr-manager", "HrManager.Email", "hr@employer", "Enter an e-mail address like name@example.com.")]
    [InlineData("member", "Member.Name", "", "Enter the member's name.")]
    public async Task InviteForm_WithAMissingOrBadField_IsRedrawnWithTheMessageBesideIt_AndTheInputKept(string form, string field, string value, string message)
    {
        var prefix = field[..field.IndexOf('.')];
        var fields = new Dictionary<string, string>
        {
            [$"{prefix}.Email"] = "kept@employer.test",
            [$"{prefix}.Name"] = "Kept Name",
            [$"{prefix}.Title"] = "Coach",
        };
        fields[field] = value;

        var response = await _world.InviteAsync(form, fields);
        var body = await BodyAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, body);
        Assert.Contains(field == $"{prefix}.Email" ? $"value=\"{value}\"" : "value=\"kept@employer.test\"", body);
        Assert.Empty(await _world.InvitationsAsync());
    }

    [Fact]
    public async Task MemberInvite_WithAControlCharacterInTheDepartment_IsRefusedBesideTheDepartment_NotTheName()
    {
        var response = await _world.InviteAsync("member", new() { ["Member.Name"] = "Grace Hopper", ["Member.Email"] = "grace@employer.test", ["Member.Department"] = "Finance\u0007" });
        var body = await BodyAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Matches("id=\"Member_Department-error\"><span class=\"field-validation-error\"[^>]*>A department name cannot hold control characters.</span>", body);
        Assert.DoesNotMatch("id=\"Member_Name-error\"><span class=\"field-validation-error\"", body);
        Assert.Contains("value=\"Grace Hopper\"", body);
        Assert.Empty(await _world.InvitationsAsync());
    }

    [Fact]
    public async Task Invite_AnAddressThatAlreadyHasAnAccount_IsRefusedBesideTheEmail()
    {
        var response = await _world.InviteHrManagerAsync(_world.Hub.HrEmail);
        var member = await _world.InviteAsync("member", new() { ["Member.Name"] = "The Admin", ["Member.Email"] = AdminEmail });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("This address already has an account: its owner can sign in.", await BodyAsync(response));
        Assert.Equal(HttpStatusCode.BadRequest, member.StatusCode);
        Assert.Contains("This address already has an account: its owner can sign in.", await BodyAsync(member));
        Assert.Empty(await _world.InvitationsAsync());
        Assert.Equal(0, await _world.Factory.QueryAsync(db => db.Members.CountAsync(m => m.Email == AdminEmail)));
    }

    [Fact]
    public async Task Invite_AnAddressWithAPendingInvitation_OrATakenExternalId_IsRefused()
    {
        await _world.InviteAsync("member", new() { ["Member.Name"] = "Grace Hopper", ["Member.Email"] = "grace@employer.test", ["Member.ExternalId"] = "E-1" });

        var again = await _world.InviteHrManagerAsync("grace@employer.test");
        var externalId = await _world.InviteAsync("member", new() { ["Member.Name"] = "Alan Turing", ["Member.Email"] = "alan@employer.test", ["Member.ExternalId"] = "E-1" });

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("An invitation to this address is pending: send it again from the list instead.", await BodyAsync(again));
        Assert.Equal(HttpStatusCode.BadRequest, externalId.StatusCode);
        Assert.Contains("Another member of this hub has this external id.", await BodyAsync(externalId));
        Assert.Single(await _world.InvitationsAsync());
    }

    [Fact]
    public async Task MemberInvitation_ToAnAddressCorrectedSince_NoLongerWorks_AndCannotLinkAStrangerToTheMember()
    {
        await _world.InviteAsync("member", new() { ["Member.Name"] = "Grace Hopper", ["Member.Email"] = "grace@old.test", ["Member.ExternalId"] = "E-7" });
        var stale = await _world.LinkSentToAsync("grace@old.test");
        var member = await _world.Factory.QueryAsync(db => db.Members.AsNoTracking().SingleAsync(m => m.ExternalId == "E-7"));

        // The employer's HR file (a member import) corrects the address: grace@old.test was not hers.
        await _world.Factory.ChangeAsync(async db => (await db.Members.SingleAsync(m => m.Id == member.Id)).Correct(Domain.Members.Imports.MemberDetails.Of("Grace Hopper", "grace@new.test", null)));

        var opened = await BrowserlessClient.For(_world.Factory).GetAsync(stale);
        var posted = await _world.PostToDeadLinkAsync(stale);

        Assert.Equal(HttpStatusCode.Gone, opened.Status);
        Assert.Contains("This invitation was withdrawn", opened.Body);
        Assert.DoesNotContain("grace@", opened.Body);
        Assert.Equal(HttpStatusCode.Gone, posted.StatusCode);
        Assert.Null(await _world.Factory.QueryAsync(db => db.Members.Where(m => m.Id == member.Id).Select(m => m.UserId).SingleAsync()));
        Assert.Equal(0, await _world.Factory.QueryAsync(db => db.Users.CountAsync(u => u.Email == "grace@old.test")));

        // The dead link does not hold her back: inviting every member without an account reaches her new address.
        await _world.Admin.PostFormAsync(_world.PagePath, $"{_world.PagePath}/members-without-account", []);
        var (graceAccepts, _) = await _world.AcceptAsync(await _world.LinkSentToAsync("grace@new.test"), "Grace!2026pass");
        Assert.Equal(HttpStatusCode.Redirect, graceAccepts.StatusCode);
    }

    [Fact]
    public async Task MemberDeactivatedAfterTheInvitation_CannotUseItsLink_NorBeSentItAgain()
    {
        await _world.InviteAsync("member", new() { ["Member.Name"] = "Leaver", ["Member.Email"] = "leaver@employer.test" });
        var link = await _world.LinkSentToAsync("leaver@employer.test");
        var member = await _world.Factory.QueryAsync(db => db.Members.AsNoTracking().SingleAsync(m => m.Email == "leaver@employer.test"));
        var membersPage = $"/admin/hubs/{_world.Hub.HubId}/members";
        Assert.Equal(HttpStatusCode.Redirect, (await _world.Admin.PostFormAsync(membersPage, $"{membersPage}/{member.Id}/active", new() { ["active"] = "false" })).StatusCode);

        var opened = await BrowserlessClient.For(_world.Factory).GetAsync(link);
        var posted = await _world.PostToDeadLinkAsync(link);
        var invitation = Assert.Single(await _world.InvitationsAsync());
        var resent = await _world.Admin.PostFormAsync(_world.PagePath, $"{_world.PagePath}/{invitation.Id}/resend", []);

        Assert.Equal(HttpStatusCode.Gone, opened.Status);
        Assert.Equal(HttpStatusCode.Gone, posted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, resent.StatusCode);
        Assert.Contains("This member is deactivated", await BodyAsync(resent));
        Assert.Equal(0, await _world.Factory.QueryAsync(db => db.Users.CountAsync(u => u.Email == "leaver@employer.test")));
    }

    [Fact]
    public async Task MemberDeactivatedOrGivenAnotherAddress_BeforeTheEmailLeaves_IsNotSentTheInvitation()
    {
        await _world.InviteAsync("member", new() { ["Member.Name"] = "Leaver", ["Member.Email"] = "leaver@employer.test" });
        await _world.InviteAsync("member", new() { ["Member.Name"] = "Grace Hopper", ["Member.Email"] = "grace@old.test" });
        var leaver = await _world.Factory.QueryAsync(db => db.Members.AsNoTracking().SingleAsync(m => m.Email == "leaver@employer.test"));
        var membersPage = $"/admin/hubs/{_world.Hub.HubId}/members";
        await _world.Admin.PostFormAsync(membersPage, $"{membersPage}/{leaver.Id}/active", new() { ["active"] = "false" });
        await _world.Factory.ChangeAsync(async db => (await db.Members.SingleAsync(m => m.Email == "grace@old.test")).Correct(Domain.Members.Imports.MemberDetails.Of("Grace Hopper", "grace@new.test", null)));

        await _world.Outbox.RunJobAsync();

        Assert.Empty(_world.Outbox.ReceivedBy("leaver@employer.test"));
        Assert.Empty(_world.Outbox.ReceivedBy("grace@old.test"));
        Assert.Equal(2, await _world.Factory.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.InvitationId != null && m.WithdrawnAt != null && m.SentAt == null)));
    }

    [Fact]
    public async Task MemberWithAnAccount_CannotBeTakenOver_ByResendingAnOldInvitationToAnotherAddress()
    {
        await _world.InviteAsync("member", new() { ["Member.Name"] = "Grace Hopper", ["Member.Email"] = "grace@old.test", ["Member.ExternalId"] = "E-8" });
        await _world.LinkSentToAsync("grace@old.test");
        var member = await _world.Factory.QueryAsync(db => db.Members.AsNoTracking().SingleAsync(m => m.ExternalId == "E-8"));
        await _world.Factory.ChangeAsync(async db => (await db.Members.SingleAsync(m => m.Id == member.Id)).Correct(Domain.Members.Imports.MemberDetails.Of("Grace Hopper", "grace@new.test", null)));

        // The first invitation expires; inviting every member without an account reaches her at her corrected address.
        _world.Outbox.Clock.Advance(TimeSpan.FromDays(8));
        await _world.Admin.PostFormAsync(_world.PagePath, $"{_world.PagePath}/members-without-account", []);
        var (graceAccepts, _) = await _world.AcceptAsync(await _world.LinkSentToAsync("grace@new.test"), "Grace!2026pass");
        Assert.Equal(HttpStatusCode.Redirect, graceAccepts.StatusCode);
        var grace = await _world.Factory.QueryAsync(db => db.Users.Where(u => u.Email == "grace@new.test").Select(u => u.Id).SingleAsync());

        // The expired one is still listed; an administrator sends it again to the old address, whose holder follows it.
        var old = (await _world.InvitationsAsync()).Single(i => i.Email == "grace@old.test");
        var resent = await _world.Admin.PostFormAsync(_world.PagePath, $"{_world.PagePath}/{old.Id}/resend", []);
        await _world.Outbox.RunJobAsync();
        var again = _world.Outbox.ReceivedBy("grace@old.test");
        if (again.Count == 2)
        {
            var (strangerAccepts, _) = await _world.AcceptAsync(LinkIn(again[^1]), "Stranger!2026pass");
            Assert.NotEqual(HttpStatusCode.Redirect, strangerAccepts.StatusCode);
        }

        Assert.Equal(HttpStatusCode.BadRequest, resent.StatusCode);
        Assert.Equal(grace, await _world.Factory.QueryAsync(db => db.Members.Where(m => m.Id == member.Id).Select(m => m.UserId).SingleAsync()));
        Assert.Equal(0, await _world.Factory.QueryAsync(db => db.Users.CountAsync(u => u.Email == "grace@old.test")));
    }

    [Fact]
    public async Task UsedLink_CannotBeReplayed_NeitherOpenedNorPosted()
    {
        await _world.InviteHrManagerAsync("hr2@employer.test");
        var link = await _world.LinkSentToAsync("hr2@employer.test");
        Assert.Equal(HttpStatusCode.Redirect, (await _world.AcceptAsync(link)).Response.StatusCode);

        var opened = await BrowserlessClient.For(_world.Factory).GetAsync(link);
        var posted = await _world.PostToDeadLinkAsync(link);

        Assert.Equal(HttpStatusCode.Conflict, opened.Status);
        Assert.Contains("This invitation was already used", opened.Body);
        Assert.DoesNotContain("hr2@employer.test", opened.Body);
        Assert.Equal(HttpStatusCode.Conflict, posted.StatusCode);
        Assert.Contains("This invitation was already used", await BodyAsync(posted));
        Assert.Equal(1, await _world.Factory.QueryAsync(db => db.Users.CountAsync(u => u.Email == "hr2@employer.test")));
    }

    [Fact]
    public async Task SameLinkPostedManyTimesAtOnce_CreatesOneAccount_AndEveryOtherPostIsToldItWasUsed()
    {
        await _world.InviteHrManagerAsync("race@employer.test");
        var link = await _world.LinkSentToAsync("race@employer.test");
        var browsers = Enumerable.Range(0, 8).Select(_ => BrowserlessClient.For(_world.Factory)).ToList();
        var forms = await Task.WhenAll(browsers.Select(async b => (b, Token: Antiforgery.TokenOf(await b.Http.GetStringAsync(link)))));

        var responses = await Task.WhenAll(forms.Select(f => f.b.Http.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [Antiforgery.FieldName] = f.Token,
            ["Password"] = "Fresh!2026pass",
            ["ConfirmPassword"] = "Fresh!2026pass",
        }))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Redirect), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1, await _world.Factory.QueryAsync(db => db.Users.CountAsync(u => u.Email == "race@employer.test")));
    }

    [Fact]
    public async Task WeakPassword_IsRefusedWithIdentitysRules_AndTheLinkStillWorks()
    {
        await _world.InviteHrManagerAsync("weak@employer.test");
        var link = await _world.LinkSentToAsync("weak@employer.test");

        var (weak, _) = await _world.AcceptAsync(link, "short");
        var mismatch = await BrowserlessClient.For(_world.Factory).PostFormAsync(link, link, new() { ["Password"] = "Fresh!2026pass", ["ConfirmPassword"] = "Other!2026pass" });
        var (strong, _) = await _world.AcceptAsync(link);

        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("Passwords must be at least 8 characters.", await BodyAsync(weak));
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.Contains("The two passwords are not the same.", await BodyAsync(mismatch));
        Assert.Equal(HttpStatusCode.Redirect, strong.StatusCode);
    }

    [Fact]
    public async Task TamperedLink_ShowsAClearPage_AndCreatesNothing()
    {
        await _world.InviteHrManagerAsync("tamper@employer.test");
        var link = await _world.LinkSentToAsync("tamper@employer.test");
        var tampered = link[..^1] + (link[^1] == 'A' ? 'B' : 'A');

        var opened = await BrowserlessClient.For(_world.Factory).GetAsync(tampered);
        var posted = await _world.PostToDeadLinkAsync(tampered);
        var garbage = await BrowserlessClient.For(_world.Factory).GetAsync("/invitation/not-a-token");
        var unknown = await BrowserlessClient.For(_world.Factory).GetAsync($"/invitation/{Guid.NewGuid():N}.{link[(link.IndexOf('.') + 1)..]}");

        Assert.Equal(HttpStatusCode.BadRequest, opened.Status);
        Assert.Contains("This invitation link does not work", opened.Body);
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, garbage.Status);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Equal(0, await _world.Factory.QueryAsync(db => db.Users.CountAsync(u => u.Email == "tamper@employer.test")));
    }

    [Fact]
    public async Task WithdrawnInvitation_LinkShowsItWasWithdrawn_AndItsUnsentEmailIsNotSent()
    {
        await _world.InviteHrManagerAsync("sent@employer.test");
        var link = await _world.LinkSentToAsync("sent@employer.test");
        await _world.InviteHrManagerAsync("unsent@employer.test");
        var invitations = await _world.InvitationsAsync();

        foreach (var invitation in invitations)
        {
            var withdrawn = await _world.Admin.PostFormAsync(_world.PagePath, $"{_world.PagePath}/{invitation.Id}/withdraw", []);
            Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        }

        await _world.Outbox.RunJobAsync();
        var opened = await BrowserlessClient.For(_world.Factory).GetAsync(link);
        var posted = await _world.PostToDeadLinkAsync(link);
        var page = await _world.Admin.GetAsync(_world.PagePath);

        Assert.Equal(HttpStatusCode.Gone, opened.Status);
        Assert.Contains("This invitation was withdrawn", opened.Body);
        Assert.Equal(HttpStatusCode.Gone, posted.StatusCode);
        Assert.Empty(_world.Outbox.ReceivedBy("unsent@employer.test"));
        Assert.Contains("No invitation is waiting to be accepted.", page.Body);
        Assert.Equal(0, await _world.Factory.QueryAsync(db => db.Users.CountAsync(u => u.Email == "sent@employer.test")));
    }

    [Fact]
    public async Task ExpiredLink_ShowsItExpired_AndAResendSendsANewLinkThatWorks_WhileTheOldOneNoLongerDoes()
    {
        await _world.InviteHrManagerAsync("late@employer.test");
        var old = await _world.LinkSentToAsync("late@employer.test");
        _world.Outbox.Clock.Advance(TimeSpan.FromDays(7));

        var opened = await BrowserlessClient.For(_world.Factory).GetAsync(old);
        var posted = await _world.PostToDeadLinkAsync(old);
        var listed = await _world.Admin.GetAsync(_world.PagePath);
        var invitation = Assert.Single(await _world.InvitationsAsync());
        var resent = await _world.Admin.PostFormAsync(_world.PagePath, $"{_world.PagePath}/{invitation.Id}/resend", []);
        var fresh = await _world.LinkSentToAsync("late@employer.test", before: 1);

        Assert.Equal(HttpStatusCode.Gone, opened.Status);
        Assert.Contains("This invitation has expired", opened.Body);
        Assert.Equal(HttpStatusCode.Gone, posted.StatusCode);
        Assert.Contains("Expired", listed.Body);
        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        Assert.NotEqual(old, fresh);
        Assert.Equal(HttpStatusCode.BadRequest, (await BrowserlessClient.For(_world.Factory).GetAsync(old)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await _world.AcceptAsync(fresh)).Response.StatusCode);
    }

    [Fact]
    public async Task OpenInvitations_SentColumn_SaysQueued_UntilTheEmailLeaves_ThenWhenItLeft()
    {
        await _world.InviteHrManagerAsync("sent-column@employer.test");
        var (_, queued) = await _world.Admin.GetAsync(_world.PagePath);
        _world.Outbox.Clock.Advance(TimeSpan.FromMinutes(5));
        await _world.Outbox.RunJobAsync();
        var (_, sent) = await _world.Admin.GetAsync(_world.PagePath);
        var invitation = Assert.Single(await _world.InvitationsAsync());
        _world.Outbox.Clock.Advance(TimeSpan.FromMinutes(5));
        await _world.Admin.PostAsync(_world.PagePath, $"{_world.PagePath}/{invitation.Id}/resend", []);
        var (_, resent) = await _world.Admin.GetAsync(_world.PagePath);

        Assert.Matches(SentCell("sent-column@employer.test", "Queued"), queued);
        Assert.Matches(SentCell("sent-column@employer.test", $"{invitation.CreatedAt.AddMinutes(5).UtcDateTime:yyyy-MM-dd HH:mm}"), sent);
        Assert.Matches(SentCell("sent-column@employer.test", "Queued"), resent);
    }

    [Fact]
    public async Task Resend_ByHtmx_AnswersTheListInPlace_WithWhatHappened()
    {
        await _world.InviteHrManagerAsync("htmx@employer.test");
        var invitation = Assert.Single(await _world.InvitationsAsync());
        var action = $"{_world.PagePath}/{invitation.Id}/resend";
        _world.Outbox.Clock.Advance(TimeSpan.FromMinutes(1));
        var page = await _world.Admin.Http.GetStringAsync(_world.PagePath);
        using var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent([]) };
        request.Headers.Add("HX-Request", "true");
        request.Headers.Add(Antiforgery.HeaderName, Antiforgery.TokenOf(page));

        var response = await _world.Admin.Http.SendAsync(request);
        var body = await BodyAsync(response);
        await _world.Outbox.RunJobAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("<section class=\"card\" id=\"open-invitations\">", body.TrimStart());
        Assert.Contains("The invitation will be sent again with a new link; the earlier link no longer works.", body);
        Assert.DoesNotContain("<html", body);
        Assert.Single(_world.Outbox.ReceivedBy("htmx@employer.test"));
    }

    [Fact]
    public async Task ResendOrWithdraw_AnotherHubsInvitation_IsNotFound_AndAnAcceptedOneIsRefused()
    {
        var other = await HubScenario.CreateAsync(_world.Factory, "Fabrikam");
        await _world.InviteHrManagerAsync("done@employer.test");
        Assert.Equal(HttpStatusCode.Redirect, (await _world.AcceptAsync(await _world.LinkSentToAsync("done@employer.test"))).Response.StatusCode);
        var invitation = Assert.Single(await _world.InvitationsAsync());
        var otherPage = $"/admin/hubs/{other.HubId}/invitations";

        var elsewhere = await _world.Admin.PostFormAsync(otherPage, $"{otherPage}/{invitation.Id}/withdraw", []);
        var accepted = await _world.Admin.PostFormAsync(_world.PagePath, $"{_world.PagePath}/{invitation.Id}/withdraw", []);
        var resent = await _world.Admin.PostFormAsync(_world.PagePath, $"{_world.PagePath}/{invitation.Id}/resend", []);

        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, accepted.StatusCode);
        Assert.Contains("This invitation was already accepted, so it cannot be withdrawn.", await BodyAsync(accepted));
        Assert.Equal(HttpStatusCode.BadRequest, resent.StatusCode);
        Assert.Null((await _world.InvitationsAsync())[0].WithdrawnAt);
    }

    [Fact]
    public async Task EachAdministrativeAction_AndTheAcceptance_IsAudited_ByIdOnly()
    {
        await _world.InviteHrManagerAsync("first@employer.test");
        var first = Assert.Single(await _world.InvitationsAsync());
        _world.Outbox.Clock.Advance(TimeSpan.FromMinutes(1));
        await _world.Admin.PostFormAsync(_world.PagePath, $"{_world.PagePath}/{first.Id}/resend", []);
        await _world.Admin.PostFormAsync(_world.PagePath, $"{_world.PagePath}/{first.Id}/withdraw", []);
        await _world.InviteHrManagerAsync("second@employer.test");
        var second = (await _world.InvitationsAsync()).Single(i => i.Id != first.Id);
        await _world.AcceptAsync(await _world.LinkSentToAsync("second@employer.test"));
        var adminId = await _world.Factory.AccountIdAsync(AdminEmail);
        var hrId = await _world.Factory.AccountIdAsync("second@employer.test");

        var sent = await _world.Factory.OfAsync(AuditAction.InvitationSent);
        var resent = Assert.Single(await _world.Factory.OfAsync(AuditAction.InvitationResent));
        var withdrawn = Assert.Single(await _world.Factory.OfAsync(AuditAction.InvitationWithdrawn));
        var accepted = Assert.Single(await _world.Factory.OfAsync(AuditAction.InvitationAccepted));

        Assert.Equal([first.Id.ToString(), second.Id.ToString()], sent.Select(e => e.ObjectId));
        Assert.All(sent.Append(resent).Append(withdrawn), e => Assert.Equal((adminId, Roles.Administrator, (Guid?)_world.Hub.HubId), (e.UserId, e.Role, e.HubId)));
        Assert.Equal((first.Id.ToString(), first.Id.ToString()), (resent.ObjectId, withdrawn.ObjectId));
        Assert.Equal((hrId, (Guid?)_world.Hub.HubId, second.Id.ToString()), (accepted.UserId, accepted.HubId, accepted.ObjectId));
        var everything = await _world.Factory.QueryAsync(db => db.AuditEntries.ToListAsync());
        Assert.DoesNotContain(everything, e => $"{e.UserId} {e.ObjectId} {e.Role}".Contains('@', StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProfessionalJoiningTheHubInsteadOfAnInvitation_IsAudited()
    {
        var other = await HubScenario.CreateAsync(_world.Factory, "Fabrikam");
        await _world.InviteAsync("professional", new() { ["Professional.Name"] = "Dr Ada Lovelace", ["Professional.Title"] = "Psychologist", ["Professional.Email"] = "ada@clinic.test" });
        await _world.AcceptAsync(await _world.LinkSentToAsync("ada@clinic.test"));
        var otherPage = $"/admin/hubs/{other.HubId}/invitations";

        await _world.Admin.PostFormAsync(otherPage, $"{otherPage}/professional", new() { ["Professional.Name"] = "Ada", ["Professional.Title"] = "Coach", ["Professional.Email"] = "ada@clinic.test" });

        var joined = Assert.Single(await _world.Factory.OfAsync(AuditAction.ProfessionalJoinedHub));
        Assert.Equal(((Guid?)other.HubId, (await ProfessionalAsync("ada@clinic.test")).Id.ToString()), (joined.HubId, joined.ObjectId));
    }

    [Fact]
    public async Task Professional_WithAnAccountInvitedAgainToTheirOwnHub_ChangesAndAuditsNothing_AndIsToldSo()
    {
        await _world.InviteAsync("professional", new() { ["Professional.Name"] = "Dr Ada Lovelace", ["Professional.Title"] = "Psychologist", ["Professional.Email"] = "ada@clinic.test" });
        await _world.AcceptAsync(await _world.LinkSentToAsync("ada@clinic.test"));

        var again = await _world.InviteAsync("professional", new() { ["Professional.Name"] = "Ada", ["Professional.Title"] = "Coach", ["Professional.Email"] = "ada@clinic.test" });
        var page = await _world.Admin.GetAsync(_world.PagePath);

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("This professional already has an account and works in this hub; nothing changed.", page.Body);
        Assert.Empty(await _world.Factory.OfAsync(AuditAction.ProfessionalJoinedHub));
        Assert.Single((await ProfessionalAsync("ada@clinic.test")).Hubs);
    }

    private async Task<bool> InRoleAsync(ApplicationUser user, string role)
    {
        await using var scope = _world.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.IsInRoleAsync((await users.FindByIdAsync(user.Id))!, role);
    }

    /// <summary>The open invitation's row to <paramref name="email"/> with <paramref name="sent"/> in its Sent column (after E-mail and Role).</summary>
    private static string SentCell(string email, string sent) =>
        $@"<td>{System.Text.RegularExpressions.Regex.Escape(email)}</td>\s*<td>[^<]*</td>\s*<td>{System.Text.RegularExpressions.Regex.Escape(sent)}</td>";

    private Task<Professional> ProfessionalAsync(string email) =>
        _world.Factory.QueryAsync(db => db.Professionals.AsNoTracking().Include(p => p.Hubs).SingleAsync(p => p.Email == email));
}

/// <summary>The settings of invitations, the same for every hub: expiry (<c>Invitations:ExpiryDays</c>) and the accept page's throttle (<c>Invitations:Throttle</c>).</summary>
public sealed class InvitationSettingTests
{
    [Fact]
    public async Task AcceptPage_IsThrottledPerClientAddress()
    {
        var statuses = new List<HttpStatusCode>();
        await using var world = await CreateAsync();
        var browser = BrowserlessClient.For(world.Factory);
        for (var i = 0; i < 11; i++)
        {
            statuses.Add((await browser.Http.GetAsync("/invitation/not-a-token")).StatusCode);
        }

        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.BadRequest, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task ThrottleSetting_UnderInvitations_ShapesTheAcceptPagesBucket()
    {
        await using var world = await CreateAsync(new Dictionary<string, string?> { ["Invitations:Throttle:Burst"] = "2", ["Invitations:Throttle:SecondsPerAttempt"] = "600" });
        var browser = BrowserlessClient.For(world.Factory);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await browser.Http.GetAsync("/invitation/not-a-token")).StatusCode);
        }

        Assert.Equal(new[] { HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests }, statuses);
    }

    [Fact]
    public void TheFormerThrottleSettingName_IsRefusedAtStart_NamingTheNewOne()
    {
        using var factory = new WellbeingAppFactory { Settings = { ["Invitation:Throttle:Burst"] = "2" } };

        var refused = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Invitation:Throttle is now Invitations:Throttle", refused.ToString());
    }

    [Fact]
    public async Task ExpiryDaysSetting_ShortensTheLinksLife()
    {
        await using var world = await CreateAsync(new Dictionary<string, string?> { ["Invitations:ExpiryDays"] = "2" });
        await world.InviteHrManagerAsync("soon@employer.test");
        var link = await world.LinkSentToAsync("soon@employer.test");

        world.Outbox.Clock.Advance(TimeSpan.FromDays(2) - TimeSpan.FromMinutes(1));
        var before = await BrowserlessClient.For(world.Factory).GetAsync(link);
        world.Outbox.Clock.Advance(TimeSpan.FromMinutes(1));
        var after = await BrowserlessClient.For(world.Factory).GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal(HttpStatusCode.Gone, after.Status);
    }
}
