using System.Net;
using Microsoft.EntityFrameworkCore;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Clients;

/// <summary>Every client page and action refuses anonymous callers and every other role; no role can act for a client.</summary>
public sealed class ClientPagesAuthorizationTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly string[] Pages = ["/wellbeing", "/sharing", "/sharing/views", "/my-data", "/my-data/export.json", "/my-data/export.fhir.json"];
    private static readonly string[] Actions = ["/wellbeing", "/sharing", "/my-data/delete", "/reminders"];
    private static readonly string[] OtherRoles = [DemoHub.FirstProfessional, DemoHub.HrManager, DemoHub.Administrator];

    public static TheoryData<string> AllPages => new(Pages);

    public static TheoryData<string> AllActions => new(Actions);

    public static TheoryData<string, string> PagesForOtherRoles
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var page in Pages)
            {
                foreach (var role in OtherRoles)
                {
                    data.Add(page, role);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(AllPages))]
    public async Task Anonymous_IsSentToSignIn(string path)
    {
        var response = await BrowserlessClient.For(app.Factory).Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [MemberData(nameof(AllActions))]
    public async Task Anonymous_CannotPost(string path)
    {
        var response = await BrowserlessClient.For(app.Factory).PostFormAsync("/account/login", path, new() { ["confirm"] = "true", ["remind"] = "false" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [MemberData(nameof(PagesForOtherRoles))]
    public async Task OtherRoles_AreRefused(string path, string email)
    {
        var client = await BrowserlessClient.SignedInAsync(app.Factory, email);

        var response = await client.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/errors/403", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Professional_CannotAnswerTheirClientsAllianceSurvey_NorChangeTheirSharing()
    {
        var (sessionId, professionalId) = await app.Factory.QueryAsync(async db =>
        {
            var member = await db.Members.SingleAsync(m => m.Email == DemoHub.Client(1));
            var session = await db.CareSessions.Where(s => s.MemberId == member.Id && s.AllianceSubmissionId == null && s.InvitationOpenedAt != null).FirstAsync();
            return (session.Id, session.ProfessionalId);
        });
        var professional = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.FirstProfessional);

        var view = await professional.Http.GetAsync($"/alliance/{sessionId}");
        var post = await professional.PostFormAsync("/account/login", $"/alliance/{sessionId}", new() { ["answers[bond-understood]"] = "7" });
        var share = await professional.PostFormAsync("/account/login", "/sharing", new() { ["professionalId"] = professionalId.ToString(), ["measure"] = "Wellbeing", ["share"] = "true" });

        Assert.All([view, post, share], r => Assert.Contains("/errors/403", r.Headers.Location?.OriginalString));
        Assert.Equal(0, await app.Factory.QueryAsync(db => db.Submissions.CountAsync(s => s.CareSessionId == sessionId)));
    }

    [Fact]
    public async Task ClientOfAnotherHub_SeesOnlyTheirOwnHubsProfessionals()
    {
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.OtherHubClient(1));

        var (_, body) = await client.GetAsync("/sharing");

        Assert.Contains("Sam Okafor", body);
        Assert.DoesNotContain("Dr. Maria Lind", body);
    }
}
