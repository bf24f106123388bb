using System.Net;
using Microsoft.EntityFrameworkCore;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Professionals;

/// <summary>Every page and form of the professional workstation, tried by an anonymous caller and by each other role.</summary>
public sealed class WorkstationAuthorizationTests(AppFixture app) : IClassFixture<AppFixture>
{
    public static TheoryData<string> OtherRoles => new() { DemoHub.Client(1), DemoHub.HrManager, DemoHub.Administrator };

    [Fact]
    public async Task Anonymous_IsSentToSignIn_EverywhereAndChangesNothing()
    {
        var (memberId, sessionId) = await OpenSessionAsync();
        var client = BrowserlessClient.For(app.Factory);

        var responses = new[]
        {
            await client.Http.GetAsync($"/clients/{memberId}"),
            await client.Http.GetAsync("/my-alliance"),
            await client.PostFormAsync("/account/login", $"/clients/{memberId}/sessions", new() { ["Form.Date"] = "2026-12-01", ["Form.Time"] = "10:00" }),
            await client.PostFormAsync("/account/login", $"/sessions/{sessionId}/end", new()),
        };

        Assert.All(responses, r => Assert.Contains("/account/login", r.Headers.Location?.OriginalString));
        await AssertUnchangedAsync(memberId, sessionId);
    }

    [Theory]
    [MemberData(nameof(OtherRoles))]
    public async Task OtherRoles_AreRefused_EverywhereAndChangeNothing(string email)
    {
        var (memberId, sessionId) = await OpenSessionAsync();
        var client = await BrowserlessClient.SignedInAsync(app.Factory, email);

        // The sign-out form on any signed-in page carries an antiforgery token, so only the role check can refuse these.
        var responses = new[]
        {
            await client.Http.GetAsync($"/clients/{memberId}"),
            await client.Http.GetAsync("/my-alliance"),
            await client.PostFormAsync("/account/login", $"/clients/{memberId}/sessions", new() { ["Form.Date"] = "2026-12-01", ["Form.Time"] = "10:00" }),
            await client.PostFormAsync("/account/login", $"/sessions/{sessionId}/end", new()),
        };

        Assert.All(responses, r => Assert.Contains("/errors/403", r.Headers.Location?.OriginalString));
        await AssertUnchangedAsync(memberId, sessionId);
    }

    /// <summary>Client 1 and pro1: a session that has not ended yet, added for this test.</summary>
    private async Task<(Guid MemberId, Guid SessionId)> OpenSessionAsync()
    {
        var memberId = await app.Factory.MemberIdAsync(DemoHub.Client(1));
        var professionalId = await app.Factory.ProfessionalIdAsync(DemoHub.FirstProfessional);
        var hubId = await app.Factory.HubIdAsync("northwind");
        var session = new Domain.Sessions.CareSession(hubId, memberId, professionalId, DateTimeOffset.UtcNow, 100 + Random.Shared.Next(1000));
        await app.Factory.ChangeAsync(db =>
        {
            db.CareSessions.Add(session);
            return Task.CompletedTask;
        });
        return (memberId, session.Id);
    }

    private async Task AssertUnchangedAsync(Guid memberId, Guid sessionId)
    {
        Assert.Null(await app.Factory.QueryAsync(db => db.CareSessions.Where(s => s.Id == sessionId).Select(s => s.EndedAt).SingleAsync()));
        var later = DateTimeOffset.UtcNow.AddDays(3);
        Assert.False(await app.Factory.QueryAsync(db => db.CareSessions.AnyAsync(s => s.MemberId == memberId && s.ScheduledAt > later)));
    }
}
