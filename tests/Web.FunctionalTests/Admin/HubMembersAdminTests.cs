using System.Net;
using Microsoft.EntityFrameworkCore;
using Wellbeing.Domain.Members;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Admin;

/// <summary>An administrator lists a hub's members, deactivates and reactivates them and changes their department, on pages and with htmx.</summary>
public sealed class HubMembersAdminTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task List_ShowsTheHubsActiveMembersByName_FiftyAPage()
    {
        var scenario = await HubScenario.CreateAsync(app.Factory, "Paged");
        await scenario.AddMembersAsync("Sales", 55);
        var admin = await AdminAsync();

        var (status, first) = await admin.GetAsync(List(scenario.HubId));
        var (_, second) = await admin.GetAsync(List(scenario.HubId) + "?page=2");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("55 members", first);
        Assert.Contains("Page 1 of 2", first);
        Assert.Equal(50, RowCount(first));
        Assert.Equal(5, RowCount(second));
        Assert.DoesNotContain(DemoHub.Client(1), first);
    }

    [Fact]
    public async Task Search_FindsANameWhateverItsCaseAccentsOrUnicodeForm_AsAnHtmxFragment()
    {
        var scenario = await HubScenario.CreateAsync(app.Factory, "Search");
        await scenario.AddMembersAsync("Sales", 3);
        await AddMemberAsync(scenario.HubId, "Élodie Dupré", "Sales");
        var admin = await AdminAsync();

        var (status, rows) = await admin.GetAsync(List(scenario.HubId) + "?search=" + Uri.EscapeDataString("ELODIE DUPRE"), htmx: true);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("<h1>", rows);
        Assert.Contains("1 member matching", rows);
        Assert.Contains("Élodie Dupré", rows);
        Assert.DoesNotContain("Person 0", rows);
    }

    [Fact]
    public async Task Deactivate_ThenReactivate_ChangesTheMember_AndTheFilterShowsEachWhereItBelongs()
    {
        var scenario = await HubScenario.CreateAsync(app.Factory, "Deactivate");
        var member = (await scenario.AddMembersAsync("Sales", 2))[0];
        var admin = await AdminAsync();

        var deactivated = await admin.PostAsync(List(scenario.HubId), Action(scenario.HubId, member, "active"), new() { ["active"] = "false" });
        var (_, inactive) = await admin.GetAsync(List(scenario.HubId) + "?status=Inactive");
        var (_, active) = await admin.GetAsync(List(scenario.HubId));
        var stored = await MemberAsync(member);

        Assert.Equal((HttpStatusCode.Redirect, $"/admin/hubs/{scenario.HubId}/members?status=Inactive"), (deactivated.Status, deactivated.Location?.OriginalString));
        Assert.NotNull(stored.DeactivatedAt);
        Assert.Equal(1, RowCount(inactive));
        Assert.Contains("Deactivated on", inactive);
        Assert.Equal(1, RowCount(active));

        var reactivated = await admin.PostAsync(List(scenario.HubId), Action(scenario.HubId, member, "active"), new() { ["active"] = "true" }, htmx: true);

        Assert.Equal(HttpStatusCode.OK, reactivated.Status);
        Assert.StartsWith($"<tr id=\"member-{member}\"", reactivated.Body.Trim());
        Assert.Contains(">Deactivate<", reactivated.Body);
        Assert.True((await MemberAsync(member)).IsActive);
    }

    [Fact]
    public async Task DeactivatingTwice_KeepsTheFirstTime()
    {
        var scenario = await HubScenario.CreateAsync(app.Factory, "Twice");
        var member = (await scenario.AddMembersAsync("Sales", 1))[0];
        var admin = await AdminAsync();

        await admin.PostAsync(List(scenario.HubId), Action(scenario.HubId, member, "active"), new() { ["active"] = "false" });
        var first = (await MemberAsync(member)).DeactivatedAt;
        var again = await admin.PostAsync(List(scenario.HubId) + "?status=Inactive", Action(scenario.HubId, member, "active"), new() { ["active"] = "false" }, htmx: true);

        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(first, (await MemberAsync(member)).DeactivatedAt);
    }

    [Fact]
    public async Task SetActive_WithoutAChoice_IsRefused_AndChangesNothing()
    {
        var scenario = await HubScenario.CreateAsync(app.Factory, "NoChoice");
        var member = (await scenario.AddMembersAsync("Sales", 1))[0];
        var admin = await AdminAsync();

        var refused = await admin.PostAsync(List(scenario.HubId), Action(scenario.HubId, member, "active"), new() { ["active"] = "maybe" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("Choose whether the member is active.", refused.Body);
        Assert.True((await MemberAsync(member)).IsActive);
    }

    [Fact]
    public async Task ChangeDepartment_WithHtmx_SavesIt_AndRedrawsTheRow()
    {
        var scenario = await HubScenario.CreateAsync(app.Factory, "Move");
        var member = (await scenario.AddMembersAsync("Sales", 1))[0];
        var admin = await AdminAsync();

        var moved = await admin.PostAsync(List(scenario.HubId), Action(scenario.HubId, member, "department"), new() { ["Department"] = "  Customer   Care " }, htmx: true);

        Assert.Equal(HttpStatusCode.OK, moved.Status);
        Assert.Contains("value=\"Customer Care\"", moved.Body);
        Assert.Equal("Customer Care", (await MemberAsync(member)).Department);
    }

    [Fact]
    public async Task ChangeDepartment_ToEmpty_LeavesTheMemberWithoutOne()
    {
        var scenario = await HubScenario.CreateAsync(app.Factory, "NoDepartment");
        var member = (await scenario.AddMembersAsync("Sales", 1))[0];
        var admin = await AdminAsync();

        var moved = await admin.PostAsync(List(scenario.HubId), Action(scenario.HubId, member, "department"), new() { ["Department"] = " " });

        Assert.Equal(HttpStatusCode.Redirect, moved.Status);
        Assert.Null((await MemberAsync(member)).Department);
    }

    [Fact]
    public async Task ChangeDepartment_SentTwice_IsRefused_AndKeepsTheDepartment_422()
    {
        var scenario = await HubScenario.CreateAsync(app.Factory, "MoveTwice");
        var member = (await scenario.AddMembersAsync("Sales", 1))[0];
        var admin = await AdminAsync();
        var token = Antiforgery.TokenOf(await admin.Http.GetStringAsync(List(scenario.HubId)));
        using var request = new HttpRequestMessage(HttpMethod.Post, Action(scenario.HubId, member, "department"))
        {
            Content = new FormUrlEncodedContent([new("Department", "Finance"), new("Department", "Legal"), new(Antiforgery.FieldName, token)]),
        };
        request.Headers.Add("HX-Request", "true");

        var refused = await admin.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("aria-invalid=\"true\"", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal("Sales", (await MemberAsync(member)).Department);
    }

    [Fact]
    public async Task ChangeDepartment_Refused_WithHtmx_RedrawsTheRowWithTheMessageAndWhatWasTyped_422()
    {
        var scenario = await HubScenario.CreateAsync(app.Factory, "BadMoveHtmx");
        var member = (await scenario.AddMembersAsync("Sales", 1))[0];
        var admin = await AdminAsync();
        var typed = new string('x', Member.DepartmentMaxLength + 1);

        var refused = await admin.PostAsync(List(scenario.HubId), Action(scenario.HubId, member, "department"), new() { ["Department"] = typed }, htmx: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.StartsWith($"<tr id=\"member-{member}\"", refused.Body.Trim());
        Assert.Contains($"value=\"{typed}\"", refused.Body);
        Assert.Contains("aria-invalid=\"true\"", refused.Body);
        Assert.Contains($"A department name has at most {Member.DepartmentMaxLength} characters.", refused.Body);
        Assert.Equal("Sales", (await MemberAsync(member)).Department);
    }

    [Fact]
    public async Task ChangeDepartment_Refused_WithoutHtmx_RedrawsTheFormWithTheMessageAndWhatWasTyped_400()
    {
        var scenario = await HubScenario.CreateAsync(app.Factory, "BadMove");
        var member = (await scenario.AddMembersAsync("Sales", 1))[0];
        var admin = await AdminAsync();

        var refused = await admin.PostAsync(List(scenario.HubId), Action(scenario.HubId, member, "department"), new() { ["Department"] = "Sales\u0007Ops" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("<h1>The department was not changed</h1>", refused.Body);
        Assert.Contains("value=\"Sales\u0007Ops\"", System.Net.WebUtility.HtmlDecode(refused.Body));
        Assert.Contains("A department name cannot hold control characters.", refused.Body);
        Assert.Equal("Sales", (await MemberAsync(member)).Department);
    }

    [Fact]
    public async Task AnotherHubsMember_ThroughThisHubsPath_IsNotFound_AndUnchanged()
    {
        var northwind = await app.Factory.HubIdAsync(DemoHub.Slug);
        var scenario = await HubScenario.CreateAsync(app.Factory, "Elsewhere");
        var member = (await scenario.AddMembersAsync("Sales", 1))[0];
        var admin = await AdminAsync();

        var status = await admin.PostAsync(List(northwind), Action(northwind, member, "active"), new() { ["active"] = "false" });
        var department = await admin.PostAsync(List(northwind), Action(northwind, member, "department"), new() { ["Department"] = "Ops" }, htmx: true);
        var (unknownHub, _) = await admin.GetAsync(List(Guid.NewGuid()));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (status.Status, department.Status, unknownHub));
        var stored = await MemberAsync(member);
        Assert.Equal((true, "Sales"), (stored.IsActive, stored.Department));
    }

    [Fact]
    public async Task TheHubPage_LinksItsMembers()
    {
        var northwind = await app.Factory.HubIdAsync(DemoHub.Slug);
        var admin = await AdminAsync();

        var (_, hub) = await admin.GetAsync($"/admin/hubs/{northwind}");

        Assert.Contains($"<a href=\"/admin/hubs/{northwind}/members\">Members</a>", hub);
    }

    private static string List(Guid hubId) => $"/admin/hubs/{hubId}/members";

    private static string Action(Guid hubId, Guid memberId, string action) => $"/admin/hubs/{hubId}/members/{memberId}/{action}";

    [Theory]
    [InlineData("?status=Everyone", "status: The value 'Everyone' is not valid.")]
    [InlineData("?page=x", "page: The value 'x' is not valid.")]
    [InlineData("?page=1&page=2", "Give page at most once.")]
    [InlineData("?search=a&search=b", "Give search at most once.")]
    public async Task AFilterGivenTwiceOrUnreadable_IsRefused_NamingIt_AsTheOtherListsDo(string query, string message)
    {
        var northwind = await app.Factory.HubIdAsync(DemoHub.Slug);
        var admin = await AdminAsync();

        var (status, page) = await admin.GetAsync(List(northwind) + query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("The member list could not be shown", page);
        Assert.Contains(message, page);
    }

    private static int RowCount(string page) => System.Text.RegularExpressions.Regex.Matches(page, "<tr id=\"member-").Count;

    private Task<BrowserlessClient> AdminAsync() => BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);

    private Task<Member> MemberAsync(Guid id) => app.Factory.QueryAsync(db => db.Members.SingleAsync(m => m.Id == id));

    private Task AddMemberAsync(Guid hubId, string name, string department) =>
        app.Factory.ChangeAsync(db =>
        {
            db.Members.Add(new Member(hubId, name, $"named-{Guid.NewGuid():N}@scenario.test", DateTimeOffset.UtcNow, department));
            return Task.CompletedTask;
        });
}
