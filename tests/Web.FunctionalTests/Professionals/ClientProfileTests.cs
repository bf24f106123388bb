using System.Net;
using Microsoft.EntityFrameworkCore;
using Wellbeing.Domain.Common;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Professionals;

/// <summary>
/// The client profile as the professional sees it. Demo sharing (DemoDataSeeder): odd clients see pro1, even ones
/// pro2, every fifth both; number % 7 == 2 does not share wellbeing, % 3 == 2 not alliance, % 10 == 9 never filled in.
/// Each test changes only clients no other test here reads.
/// </summary>
public sealed class ClientProfileTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string NotAvailable = "Not available: the client has not completed this yet or does not share it with you.";

    [Fact]
    public async Task SharedScores_AreShownWithTheHub()
    {
        var email = DemoHub.Client(1);
        var memberId = await app.Factory.MemberIdAsync(email);
        var professionalId = await app.Factory.ProfessionalIdAsync(DemoHub.FirstProfessional);
        var (wellbeing, alliance) = await app.Factory.QueryAsync(async db => (
            await db.Submissions.Where(s => s.MemberId == memberId && s.Measure == Measure.Wellbeing).OrderByDescending(s => s.SubmittedAt).Select(s => s.Score).FirstAsync(),
            await db.Submissions.Where(s => s.MemberId == memberId && s.Measure == Measure.Alliance && s.ProfessionalId == professionalId).OrderByDescending(s => s.SubmittedAt).Select(s => s.Score).FirstAsync()));
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.FirstProfessional);

        var (status, body) = await client.GetAsync($"/clients/{memberId}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Northwind Wellbeing Hub", body);
        Assert.Contains($"<span class=\"number\">{wellbeing:0}</span><span class=\"of\">/ 100</span>", Section(body, "wellbeing"));
        Assert.Contains($"<span class=\"number\">{alliance:0.0}</span><span class=\"of\">/ 7</span>", Section(body, "alliance"));
        Assert.Contains("Bond", Section(body, "alliance"));
        Assert.DoesNotContain(NotAvailable, body);
    }

    [Fact]
    public async Task NotShared_AndNeverCompleted_LookExactlyTheSame()
    {
        // Client 19 shares wellbeing with pro1 but never filled it in; client 23 filled it in but does not share it.
        var neverCompleted = await app.Factory.MemberIdAsync(DemoHub.Client(19));
        var notShared = await app.Factory.MemberIdAsync(DemoHub.Client(23));
        Assert.False(await app.Factory.QueryAsync(db => db.Submissions.AnyAsync(s => s.MemberId == neverCompleted && s.Measure == Measure.Wellbeing)));
        Assert.True(await app.Factory.QueryAsync(db => db.Submissions.AnyAsync(s => s.MemberId == notShared && s.Measure == Measure.Wellbeing)));
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.FirstProfessional);

        var (_, first) = await client.GetAsync($"/clients/{neverCompleted}");
        var (_, second) = await client.GetAsync($"/clients/{notShared}");

        Assert.Contains(NotAvailable, Section(first, "wellbeing"));
        Assert.Equal(Section(first, "wellbeing"), Section(second, "wellbeing"));
    }

    [Fact]
    public async Task RevokedShare_HidesTheScoreOnTheNextRequest()
    {
        var email = DemoHub.Client(7);
        var memberId = await app.Factory.MemberIdAsync(email);
        var name = await app.Factory.QueryAsync(db => db.Members.Where(m => m.Id == memberId).Select(m => m.DisplayName).SingleAsync());
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.FirstProfessional);
        var (_, before) = await client.GetAsync($"/clients/{memberId}");
        Assert.DoesNotContain(NotAvailable, before);

        await app.Factory.RevokeAsync(email, DemoHub.FirstProfessional, Measure.Wellbeing);
        await app.Factory.RevokeAsync(email, DemoHub.FirstProfessional, Measure.Alliance);
        var (status, after) = await client.GetAsync($"/clients/{memberId}");
        var (_, list) = await client.GetAsync($"/clients?search={Uri.EscapeDataString(name)}", htmx: true);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(NotAvailable, Section(after, "wellbeing"));
        Assert.Contains(NotAvailable, Section(after, "alliance"));
        var row = list[list.IndexOf($"<th scope=\"row\">{name}</th>", StringComparison.Ordinal)..];
        Assert.Equal(2, row[..row.IndexOf("</tr>", StringComparison.Ordinal)].Split("</span>?</td>").Length - 1);
    }

    [Fact]
    public async Task ViewingSharedScores_IsRecordedForTheClient_ViewingOnlyQuestionMarksIsNot()
    {
        var professionalId = await app.Factory.ProfessionalIdAsync(DemoHub.FirstProfessional);
        var sharing = await app.Factory.MemberIdAsync(DemoHub.Client(3));
        var sharingNothing = await app.Factory.MemberIdAsync(DemoHub.Client(23)); // 23 % 7 == 2 and 23 % 3 == 2: shares nothing with pro1
        Task<int> ViewsOf(Guid memberId) => app.Factory.QueryAsync(db => db.ScoreViews.CountAsync(v => v.MemberId == memberId && v.ProfessionalId == professionalId));
        var (sharingBefore, nothingBefore) = (await ViewsOf(sharing), await ViewsOf(sharingNothing));
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.FirstProfessional);

        await client.GetAsync($"/clients/{sharing}");
        await client.GetAsync($"/clients/{sharingNothing}");

        Assert.Equal(sharingBefore + 1, await ViewsOf(sharing));
        Assert.Equal(nothingBefore, await ViewsOf(sharingNothing));
    }

    [Fact]
    public async Task Flags_ComeOnlyFromSharedScores()
    {
        // Client 11 shares wellbeing with pro1; client 37 (37 % 7 == 2) does not. Both now score 0: possible depression.
        await app.Factory.AddWellbeingAsync(DemoHub.Client(11), everyAnswer: 0);
        await app.Factory.AddWellbeingAsync(DemoHub.Client(37), everyAnswer: 0);

        // Client 13 shares alliance with pro1 and now rates the work together at the bottom of the scale.
        await app.Factory.AddAllianceAsync(DemoHub.Client(13), DemoHub.FirstProfessional, everyAnswer: 1);
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.FirstProfessional);

        var (_, shared) = await client.GetAsync($"/clients/{await app.Factory.MemberIdAsync(DemoHub.Client(11))}");
        var (_, unshared) = await client.GetAsync($"/clients/{await app.Factory.MemberIdAsync(DemoHub.Client(37))}");
        var (_, lowAlliance) = await client.GetAsync($"/clients/{await app.Factory.MemberIdAsync(DemoHub.Client(13))}");

        Assert.Contains("Possible depression: consider further assessment", Section(shared, "wellbeing"));
        Assert.Contains("Poor", Section(shared, "wellbeing"));
        Assert.DoesNotContain("Possible depression", unshared);
        Assert.Contains("Alliance below threshold", Section(lowAlliance, "alliance"));
    }

    [Fact]
    public async Task ClientOfAnotherProfessional_IsNotFound()
    {
        // Client 2 works with pro2 only.
        var memberId = await app.Factory.MemberIdAsync(DemoHub.Client(2));
        var name = await app.Factory.QueryAsync(db => db.Members.Where(m => m.Id == memberId).Select(m => m.DisplayName).SingleAsync());
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.FirstProfessional);

        var (status, body) = await client.GetAsync($"/clients/{memberId}");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.DoesNotContain(name, body);
    }

    [Fact]
    public async Task ClientOfAnotherHub_IsNotFound_LikeAnIdThatDoesNotExist()
    {
        var otherHub = await app.Factory.MemberIdAsync(DemoHub.OtherHubClient(1));
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.FirstProfessional);

        var (status, body) = await client.GetAsync($"/clients/{otherHub}");
        var (missingStatus, missingBody) = await client.GetAsync($"/clients/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(HttpStatusCode.NotFound, missingStatus);
        Assert.Equal(WithoutTokens(missingBody), WithoutTokens(body));
        Assert.DoesNotContain("Fabrikam", body);
    }

    [Fact]
    public async Task ProfessionalInBothHubs_SeesTheirClientInTheOtherHub()
    {
        var memberId = await app.Factory.MemberIdAsync(DemoHub.OtherHubClient(1));
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.SecondProfessional);

        var (status, body) = await client.GetAsync($"/clients/{memberId}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Fabrikam Care Hub", body);
    }

    [Fact]
    public async Task DeactivatedClient_IsNotFound()
    {
        var email = DemoHub.Client(29);
        var memberId = await app.Factory.MemberIdAsync(email);
        await app.Factory.ChangeAsync(async db => (await db.Members.AsTracking().SingleAsync(m => m.Id == memberId)).Deactivate(DateTimeOffset.UtcNow));
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.FirstProfessional);

        var (status, _) = await client.GetAsync($"/clients/{memberId}");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    /// <summary>The questionnaires belong to the client: a professional's session gets no form and no way to post one.</summary>
    [Theory]
    [InlineData("/wellbeing")]
    [InlineData("/alliance/{session}")]
    public async Task Professional_CannotFillInAQuestionnaireForAClient(string path)
    {
        var sessionId = await app.Factory.QueryAsync(db => db.CareSessions.Where(s => s.InvitationOpenedAt != null && s.AllianceSubmissionId == null).Select(s => s.Id).FirstAsync());
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.FirstProfessional);
        var target = path.Replace("{session}", sessionId.ToString());

        var get = await client.Http.GetAsync(target);
        var post = await client.PostFormAsync("/clients", target, new() { ["q1"] = "5" });

        Assert.NotEqual(HttpStatusCode.OK, get.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.False(post.StatusCode is HttpStatusCode.Redirect && post.Headers.Location?.OriginalString.StartsWith("/dashboard", StringComparison.Ordinal) == true);
    }

    /// <summary>Antiforgery tokens differ on every response; the rest of a page must not.</summary>
    private static string WithoutTokens(string body) => System.Text.RegularExpressions.Regex.Replace(body, "CfDJ8[A-Za-z0-9_-]+", "token");

    /// <summary>The part of the page inside one section card, by its id.</summary>
    private static string Section(string body, string id)
    {
        var start = body.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No section {id}.");
        return body[start..body.IndexOf("</section>", start, StringComparison.Ordinal)];
    }
}
