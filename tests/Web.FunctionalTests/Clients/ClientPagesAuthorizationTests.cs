using System.Net;
using Microsoft.EntityFrameworkCore;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Clients;

/// <summary>
/// No role can act for a client, and a client sees only their own hub. Which caller may use which client page is in
/// Pages/AuthorizationMatrixTests.
/// </summary>
public sealed class ClientPagesAuthorizationTests(AppFixture app) : IClassFixture<AppFixture>
{
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
