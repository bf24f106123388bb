using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wellbeing.Domain.Invitations;
using Wellbeing.Domain.Members.Imports;
using Wellbeing.Domain.Sessions;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;
using static Wellbeing.Web.FunctionalTests.Pages.AuthorizationMatrixTests.Outcome;

namespace Wellbeing.Web.FunctionalTests.Pages;

/// <summary>
/// Who may use which route: every signed-in GET and POST route of the app, tried anonymously and by each role (of the
/// demo hub, Northwind), and where the path names something of a hub, once with Northwind's and once with another
/// hub's (Fabrikam's). Every route the app maps must have its rows here, so a new route cannot go unchecked.
/// A refused request must also leave the data as it was.
/// </summary>
public sealed partial class AuthorizationMatrixTests(AppFixture app) : IClassFixture<AppFixture>
{
    public enum Outcome
    {
        /// <summary>Passed authorisation: the action answered (a page, its own redirect, or its own refusal of the input).</summary>
        Reached,

        /// <summary>Redirected to the sign-in page.</summary>
        SignIn,

        /// <summary>Redirected to the 403 page.</summary>
        Forbidden,

        /// <summary>404: the same answer as for a thing that does not exist, so another hub's things are not revealed.</summary>
        NotFound,
    }

    public enum Hub
    {
        /// <summary>The path names nothing of a hub.</summary>
        None,

        /// <summary>The path names a thing of the signed-in person's hub (Northwind).</summary>
        Own,

        /// <summary>The path names a thing of another hub (Fabrikam).</summary>
        Other,
    }

    public sealed record Row(string Method, string Route, Hub Hub, Outcome Anonymous, Outcome Client, Outcome Professional, Outcome HrManager, Outcome Administrator);

    /// <summary>Route templates as the app maps them (the start page is ""). Columns: anonymous, client, professional, HR manager, administrator.</summary>
    private static readonly Row[] Matrix =
    [
        new("GET", "", Hub.None, SignIn, Reached, Reached, Reached, Reached),
        new("GET", "account/password", Hub.None, SignIn, Reached, Reached, Reached, Reached),
        new("POST", "account/password", Hub.None, SignIn, Reached, Reached, Reached, Reached),
        new("GET", "account/password/changed", Hub.None, SignIn, Reached, Reached, Reached, Reached),

        new("GET", "dashboard", Hub.None, SignIn, Reached, Forbidden, Forbidden, Forbidden),
        new("GET", "wellbeing", Hub.None, SignIn, Reached, Forbidden, Forbidden, Forbidden),
        new("POST", "wellbeing", Hub.None, SignIn, Reached, Forbidden, Forbidden, Forbidden),
        new("GET", "sharing", Hub.None, SignIn, Reached, Forbidden, Forbidden, Forbidden),
        new("POST", "sharing", Hub.None, SignIn, Reached, Forbidden, Forbidden, Forbidden),
        new("GET", "sharing/views", Hub.None, SignIn, Reached, Forbidden, Forbidden, Forbidden),
        new("GET", "my-data", Hub.None, SignIn, Reached, Forbidden, Forbidden, Forbidden),
        new("GET", "my-data/export.json", Hub.None, SignIn, Reached, Forbidden, Forbidden, Forbidden),
        new("GET", "my-data/export.fhir.json", Hub.None, SignIn, Reached, Forbidden, Forbidden, Forbidden),
        new("POST", "my-data/delete", Hub.None, SignIn, Reached, Forbidden, Forbidden, Forbidden),
        new("POST", "reminders", Hub.None, SignIn, Reached, Forbidden, Forbidden, Forbidden),
        new("GET", "alliance/{sessionId:guid}", Hub.Own, SignIn, Reached, Forbidden, Forbidden, Forbidden),
        new("GET", "alliance/{sessionId:guid}", Hub.Other, SignIn, NotFound, Forbidden, Forbidden, Forbidden),
        new("POST", "alliance/{sessionId:guid}", Hub.Own, SignIn, Reached, Forbidden, Forbidden, Forbidden),
        new("POST", "alliance/{sessionId:guid}", Hub.Other, SignIn, NotFound, Forbidden, Forbidden, Forbidden),

        new("GET", "clients", Hub.None, SignIn, Forbidden, Reached, Forbidden, Forbidden),
        new("GET", "my-alliance", Hub.None, SignIn, Forbidden, Reached, Forbidden, Forbidden),
        new("GET", "clients/{memberId:guid}", Hub.Own, SignIn, Forbidden, Reached, Forbidden, Forbidden),
        new("GET", "clients/{memberId:guid}", Hub.Other, SignIn, Forbidden, NotFound, Forbidden, Forbidden),
        new("POST", "clients/{memberId:guid}/sessions", Hub.Own, SignIn, Forbidden, Reached, Forbidden, Forbidden),
        new("POST", "clients/{memberId:guid}/sessions", Hub.Other, SignIn, Forbidden, NotFound, Forbidden, Forbidden),
        new("POST", "sessions/{sessionId:guid}/end", Hub.Own, SignIn, Forbidden, Reached, Forbidden, Forbidden),
        new("POST", "sessions/{sessionId:guid}/end", Hub.Other, SignIn, Forbidden, NotFound, Forbidden, Forbidden),

        new("GET", "hr", Hub.None, SignIn, Forbidden, Forbidden, Reached, Forbidden),
        new("GET", "hubs/{hubId:guid}/hr", Hub.Own, SignIn, Forbidden, Forbidden, Reached, Forbidden),
        new("GET", "hubs/{hubId:guid}/hr", Hub.Other, SignIn, Forbidden, Forbidden, NotFound, Forbidden),
        new("GET", "hubs/{hubId:guid}/hr/export.csv", Hub.Own, SignIn, Forbidden, Forbidden, Reached, Forbidden),
        new("GET", "hubs/{hubId:guid}/hr/export.csv", Hub.Other, SignIn, Forbidden, Forbidden, NotFound, Forbidden),

        new("GET", "admin", Hub.None, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("POST", "admin/statistics/publish", Hub.None, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("GET", "admin/instruments", Hub.None, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("POST", "admin/instruments/licences", Hub.None, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("POST", "admin/instruments/imports", Hub.None, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("GET", "admin/partners", Hub.None, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("POST", "admin/partners", Hub.None, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("POST", "admin/partners/{clientId}/revoke", Hub.None, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("GET", "admin/audit", Hub.None, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("POST", "admin/audit/verify", Hub.None, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("GET", "admin/hubs", Hub.None, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("GET", "admin/hubs/new", Hub.None, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("POST", "admin/hubs", Hub.None, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("GET", "admin/hubs/{hubId:guid}", Hub.Own, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("GET", "admin/hubs/{hubId:guid}", Hub.Other, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("POST", "admin/hubs/{hubId:guid}", Hub.Own, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("POST", "admin/hubs/{hubId:guid}", Hub.Other, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("GET", "admin/hubs/{hubId:guid}/members", Hub.Own, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("GET", "admin/hubs/{hubId:guid}/members", Hub.Other, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("POST", "admin/hubs/{hubId:guid}/members/{memberId:guid}/active", Hub.Own, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("POST", "admin/hubs/{hubId:guid}/members/{memberId:guid}/active", Hub.Other, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("POST", "admin/hubs/{hubId:guid}/members/{memberId:guid}/department", Hub.Own, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("POST", "admin/hubs/{hubId:guid}/members/{memberId:guid}/department", Hub.Other, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("GET", "admin/hubs/{hubId:guid}/professionals", Hub.Own, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("GET", "admin/hubs/{hubId:guid}/professionals", Hub.Other, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("POST", "admin/hubs/{hubId:guid}/professionals", Hub.Own, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("POST", "admin/hubs/{hubId:guid}/professionals", Hub.Other, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("POST", "admin/hubs/{hubId:guid}/professionals/remove", Hub.Own, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("POST", "admin/hubs/{hubId:guid}/professionals/remove", Hub.Other, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("POST", "admin/hubs/{hubId:guid}/professionals/connect", Hub.Own, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("POST", "admin/hubs/{hubId:guid}/professionals/connect", Hub.Other, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("POST", "admin/hubs/{hubId:guid}/professionals/disconnect", Hub.Own, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("POST", "admin/hubs/{hubId:guid}/professionals/disconnect", Hub.Other, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("GET", "admin/hubs/{hubId:guid}/invitations", Hub.Own, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("GET", "admin/hubs/{hubId:guid}/invitations", Hub.Other, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("POST", "admin/hubs/{hubId:guid}/invitations/hr-manager", Hub.Own, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("POST", "admin/hubs/{hubId:guid}/invitations/hr-manager", Hub.Other, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("POST", "admin/hubs/{hubId:guid}/invitations/professional", Hub.Own, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("POST", "admin/hubs/{hubId:guid}/invitations/professional", Hub.Other, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("POST", "admin/hubs/{hubId:guid}/invitations/member", Hub.Own, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("POST", "admin/hubs/{hubId:guid}/invitations/member", Hub.Other, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("POST", "admin/hubs/{hubId:guid}/invitations/members-without-account", Hub.Own, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("POST", "admin/hubs/{hubId:guid}/invitations/members-without-account", Hub.Other, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("POST", "admin/hubs/{hubId:guid}/invitations/{invitationId:guid}/resend", Hub.Own, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("POST", "admin/hubs/{hubId:guid}/invitations/{invitationId:guid}/resend", Hub.Other, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("POST", "admin/hubs/{hubId:guid}/invitations/{invitationId:guid}/withdraw", Hub.Own, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("POST", "admin/hubs/{hubId:guid}/invitations/{invitationId:guid}/withdraw", Hub.Other, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("GET", "admin/hubs/{hubId:guid}/imports", Hub.Own, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("GET", "admin/hubs/{hubId:guid}/imports", Hub.Other, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("POST", "admin/hubs/{hubId:guid}/imports", Hub.Own, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("POST", "admin/hubs/{hubId:guid}/imports", Hub.Other, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("GET", "admin/hubs/{hubId:guid}/imports/{importId:guid}", Hub.Own, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("GET", "admin/hubs/{hubId:guid}/imports/{importId:guid}", Hub.Other, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("GET", "admin/hubs/{hubId:guid}/imports/{importId:guid}/progress", Hub.Own, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("GET", "admin/hubs/{hubId:guid}/imports/{importId:guid}/progress", Hub.Other, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("POST", "admin/hubs/{hubId:guid}/imports/{importId:guid}/confirm", Hub.Own, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("POST", "admin/hubs/{hubId:guid}/imports/{importId:guid}/confirm", Hub.Other, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("GET", "admin/hubs/{hubId:guid}/imports/{importId:guid}/errors", Hub.Own, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        new("GET", "admin/hubs/{hubId:guid}/imports/{importId:guid}/errors", Hub.Other, SignIn, Forbidden, Forbidden, Forbidden, Reached),
        // Hangfire's dashboard, one endpoint for all its pages and methods (tried with GET).
        new("*", "/hangfire/{**path}", Hub.None, SignIn, Forbidden, Forbidden, Forbidden, Reached),
    ];

    /// <summary>Routes anyone may use, signed in or not; the partner API (api/…) takes a token instead and is checked in tests/Web.FunctionalTests/Api.</summary>
    private static readonly (string Method, string Route)[] OpenToEveryone =
    [
        ("GET", "account/login"),
        ("POST", "account/login"),
        ("GET", "my-data/deleted"),
        // The unsubscribe link of an e-mail: the token in the path is the proof (tests/Web.FunctionalTests/Clients/UnsubscribeTests).
        ("GET", "unsubscribe/{token}"),
        ("POST", "unsubscribe/{token}"),
        // The link of an invitation e-mail: the token in the path is the proof (tests/Web.FunctionalTests/Admin/InvitationTests).
        ("GET", "invitation/{token}"),
        ("POST", "invitation/{token}"),
        // Signed in or not, signing out ends at the sign-in page.
        ("POST", "account/logout"),
        ("*", "errors/{status:int:range(400,599)?}"),
        ("*", "/healthz"),
        ("GET", "/openapi/{documentName}.json"),
    ];

    /// <summary>The callers of the matrix's columns, in order; null is anonymous.</summary>
    private static readonly string?[] Callers = [null, DemoHub.Client(1), DemoHub.FirstProfessional, DemoHub.HrManager, DemoHub.Administrator];

    /// <summary>
    /// What each POST sends besides its antiforgery token: fields a person could send, chosen so that an allowed caller
    /// leaves client 1 and the demo hub as later cases need them (no deletion is confirmed).
    /// </summary>
    private static readonly Dictionary<string, Func<Scene, Dictionary<string, string>>> Fields = new()
    {
        ["clients/{memberId:guid}/sessions"] = _ => new() { ["Form.Date"] = "2026-12-01", ["Form.Time"] = "10:00" },
        ["sharing"] = scene => new() { ["professionalId"] = scene.ProfessionalId.ToString(), ["measure"] = "Wellbeing", ["share"] = "true" },
        ["reminders"] = _ => new() { ["topic"] = "WellbeingIndex", ["remind"] = "false" },
        ["my-data/delete"] = _ => new() { ["confirm"] = "false" },
        // The administrator's people pages: the member stays active in their department, the professional is refused
        // leaving a hub where they have clients, and a connection without a client's address or id is refused.
        ["admin/hubs/{hubId:guid}/members/{memberId:guid}/active"] = _ => new() { ["active"] = "true" },
        ["admin/hubs/{hubId:guid}/members/{memberId:guid}/department"] = scene => new() { ["Department"] = scene.Department ?? string.Empty },
        ["admin/hubs/{hubId:guid}/professionals/remove"] = scene => new() { ["professionalId"] = scene.ProfessionalId.ToString() },
        ["admin/hubs/{hubId:guid}/professionals/connect"] = scene => new() { ["professionalId"] = scene.ProfessionalId.ToString() },
        ["admin/hubs/{hubId:guid}/professionals/disconnect"] = scene => new() { ["professionalId"] = scene.ProfessionalId.ToString() },
        ["admin/hubs/{hubId:guid}/invitations/hr-manager"] = _ => new() { ["HrManager.Email"] = $"hr-{Guid.NewGuid():N}@matrix.test" },
        ["admin/hubs/{hubId:guid}/invitations/professional"] = _ => new() { ["Professional.Name"] = "Dr Matrix", ["Professional.Title"] = "Coach", ["Professional.Email"] = $"pro-{Guid.NewGuid():N}@matrix.test" },
        ["admin/hubs/{hubId:guid}/invitations/member"] = _ => new() { ["Member.Name"] = "Matrix Member", ["Member.Email"] = $"member-{Guid.NewGuid():N}@matrix.test" },
    };

    public static TheoryData<string, string, Hub, string, Outcome> Cases
    {
        get
        {
            var data = new TheoryData<string, string, Hub, string, Outcome>();
            foreach (var row in Matrix)
            {
                Outcome[] expected = [row.Anonymous, row.Client, row.Professional, row.HrManager, row.Administrator];
                for (var i = 0; i < Callers.Length; i++)
                {
                    data.Add(row.Method, row.Route, row.Hub, Callers[i] ?? "anonymous", expected[i]);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Route_ForEachCallerAndHub_GivesTheExpectedOutcome(string method, string route, Hub hub, string caller, Outcome expected)
    {
        var scene = await SceneAsync(hub, route);
        var client = caller == "anonymous" ? BrowserlessClient.For(app.Factory) : await BrowserlessClient.SignedInAsync(app.Factory, caller);
        var path = scene.PathOf(route);
        var before = await FingerprintAsync();

        var response = method is "GET" or "*"
            ? await client.Http.GetAsync(path)
            : await client.PostFormAsync(caller == "anonymous" ? "/account/login" : "/account/password", path, Fields.TryGetValue(route, out var fields) ? fields(scene) : []);

        Assert.Equal(expected, OutcomeOf(response));
        if (expected != Reached)
        {
            Assert.Equal(before, await FingerprintAsync());
        }
    }

    [Fact]
    public void EveryMappedRoute_HasItsRowsInTheMatrix_AndEveryRowIsMapped()
    {
        var mapped = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => !endpoint.RoutePattern.RawText!.StartsWith("api/", StringComparison.Ordinal))
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(method => (Method: method, Route: endpoint.RoutePattern.RawText!)))
            .Where(endpoint => !OpenToEveryone.Contains(endpoint))
            .ToHashSet();

        // A route naming a hub's thing (an id in its path) needs both the own and the other hub's row; a partner client
        // is the administrator's, who belongs to no hub, and so are the job dashboard's pages (a catch-all).
        var expectedRows = mapped.SelectMany(endpoint => endpoint.Route.Contains('{') && !endpoint.Route.Contains("{clientId}", StringComparison.Ordinal) && !endpoint.Route.Contains("{**", StringComparison.Ordinal)
            ? new[] { (endpoint.Method, endpoint.Route, Hub.Own), (endpoint.Method, endpoint.Route, Hub.Other) }
            : [(endpoint.Method, endpoint.Route, Hub.None)]);
        var rows = Matrix.Select(row => (row.Method, row.Route, row.Hub)).ToList();

        Assert.Empty(expectedRows.Except(rows).Select(r => $"no row for {r}"));
        Assert.Empty(rows.Except(expectedRows).Select(r => $"row for an unmapped route: {r}"));
        Assert.Equal(rows.Count, rows.Distinct().Count());
    }

    private static Outcome OutcomeOf(HttpResponseMessage response) => response switch
    {
        { StatusCode: HttpStatusCode.NotFound } => NotFound,
        { StatusCode: HttpStatusCode.Redirect, Headers.Location.OriginalString: var location } when location.Contains("/account/login", StringComparison.Ordinal) => SignIn,
        { StatusCode: HttpStatusCode.Redirect, Headers.Location.OriginalString: var location } when location.Contains("/errors/403", StringComparison.Ordinal) => Forbidden,
        _ => Reached,
    };

    /// <summary>The things a path may name: of the demo hub, or of the other hub.</summary>
    private sealed record Scene(Guid HubId, Guid MemberId, string? Department, Guid InvitedSessionId, Guid OpenSessionId, Guid ProfessionalId, Guid InvitationId, Guid ImportId)
    {
        /// <summary>
        /// Fills in the route's parameters. An alliance survey answers a session whose invitation is open; ending takes
        /// a session not ended yet. The partner client is the demo one (partner clients belong to no hub's path).
        /// </summary>
        public string PathOf(string route) => "/" + Parameter().Replace(route.TrimStart('/'), parameter => parameter.Groups[1].Value switch
        {
            // A catch-all's start page.
            "path" => string.Empty,
            "hubId" => HubId.ToString(),
            "memberId" => MemberId.ToString(),
            "sessionId" when route.StartsWith("alliance/", StringComparison.Ordinal) => InvitedSessionId.ToString(),
            "sessionId" => OpenSessionId.ToString(),
            "clientId" => DemoHub.PartnerClientId,
            "invitationId" => InvitationId.ToString(),
            "importId" => ImportId.ToString(),
            var name => throw new InvalidOperationException($"The matrix does not know what to put for {{{name}}}."),
        });
    }

    /// <summary>
    /// Client 1 of Northwind with the psychologist, or client 1 of Fabrikam with the coach (who works in both hubs);
    /// a session still to end is added for the routes that end one.
    /// </summary>
    private async Task<Scene> SceneAsync(Hub hub, string route)
    {
        var (slug, email, professional) = hub == Hub.Other
            ? ("fabrikam", DemoHub.OtherHubClient(1), DemoHub.SecondProfessional)
            : (DemoHub.Slug, DemoHub.Client(1), DemoHub.FirstProfessional);
        var hubId = await app.Factory.HubIdAsync(slug);
        var memberId = await app.Factory.MemberIdAsync(email);
        var department = await app.Factory.QueryAsync(db => db.Members.Where(m => m.Id == memberId).Select(m => m.Department).SingleAsync());
        var professionalId = await app.Factory.ProfessionalIdAsync(professional);
        // Another hub's session needs only to exist: the survey must not be found whatever its state.
        var invited = await app.Factory.QueryAsync(db => db.CareSessions
            .Where(s => s.MemberId == memberId && (hub == Hub.Other || s.AllianceSubmissionId == null && s.InvitationOpenedAt != null))
            .Select(s => s.Id).FirstAsync());

        var open = Guid.Empty;
        if (route.StartsWith("sessions/", StringComparison.Ordinal))
        {
            var session = new CareSession(hubId, memberId, professionalId, DateTimeOffset.UtcNow, 100 + Random.Shared.Next(1000));
            await app.Factory.ChangeAsync(db =>
            {
                db.CareSessions.Add(session);
                return Task.CompletedTask;
            });
            open = session.Id;
        }

        var invitation = new Invitation(hubId, InvitedRole.HrManager, $"hr-{Guid.NewGuid():N}@matrix.test", null, DateTimeOffset.UtcNow, TimeSpan.FromDays(7));
        if (route.Contains("{invitationId", StringComparison.Ordinal))
        {
            await app.Factory.ChangeAsync(db =>
            {
                db.Invitations.Add(invitation);
                return Task.CompletedTask;
            });
        }

        // A member import of the hub, checked and waiting for confirmation; its file has no member, so confirming changes nobody.
        var import = Guid.Empty;
        if (route.Contains("{importId", StringComparison.Ordinal))
        {
            var header = "external_id,email,name\n"u8.ToArray();
            var waiting = new MemberImport(hubId, "matrix.csv", "matrix", DateTimeOffset.UtcNow, full: false, MemberImportPlan.Make([], [], 0, full: false), "row,column,reason\r\n");
            await app.Factory.ChangeAsync(db =>
            {
                db.MemberImports.Add(waiting);
                db.MemberImportFiles.Add(new MemberImportFile(waiting.Id, header));
                return Task.CompletedTask;
            });
            import = waiting.Id;
        }

        return new Scene(hubId, memberId, department, invited, open, professionalId, invitation.Id, import);
    }

    /// <summary>What a refused request must not change: sessions booked and ended, answers, sharing, members, reminders, deactivations, connections, professionals' hubs, invitations.</summary>
    private Task<string> FingerprintAsync() => app.Factory.QueryAsync(async db => string.Join(' ',
        await db.CareSessions.CountAsync(),
        await db.CareSessions.CountAsync(s => s.EndedAt != null),
        await db.Submissions.CountAsync(),
        await db.ShareGrants.CountAsync(),
        await db.ShareGrants.CountAsync(g => g.RevokedAt != null),
        await db.Members.CountAsync(),
        await db.Members.CountAsync(m => m.WellbeingEmailsOff),
        await db.Members.CountAsync(m => m.AllianceEmailsOff),
        await db.Members.CountAsync(m => m.DeactivatedAt != null),
        await db.ClientConnections.CountAsync(),
        await db.Professionals.SelectMany(p => p.Hubs).CountAsync(),
        await db.Invitations.CountAsync(),
        await db.Invitations.CountAsync(i => i.WithdrawnAt != null),
        await db.OutboxMessages.CountAsync(m => m.InvitationId != null)));

    [GeneratedRegex(@"\{\**([A-Za-z]+)[^}]*\}")]
    private static partial Regex Parameter();
}
