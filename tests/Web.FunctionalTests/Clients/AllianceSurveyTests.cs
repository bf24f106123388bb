using System.Net;
using Microsoft.EntityFrameworkCore;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Sessions;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Clients;

/// <summary>The alliance survey after an ended session: only its client, only while open, only once.</summary>
public sealed class AllianceSurveyTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task OpenSession_ShowsTheForm_NamingTheProfessional_AndThatItIsNotValidated()
    {
        var session = await app.Factory.OpenAllianceSessionAsync(DemoHub.Client(1));
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Client(1));

        var (status, body) = await client.GetAsync($"/alliance/{session.Id}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Dr. Maria Lind", body);
        Assert.Contains("not a validated instrument", body);
        Assert.Equal(5, SurveyForms.ItemIds(body).Count);
        Assert.Contains("<label for=\"answer-bond-understood-7\">Strongly agree</label>", body);
    }

    [Fact]
    public async Task Dashboard_LinksEachPendingSurvey()
    {
        var session = await app.Factory.OpenAllianceSessionAsync(DemoHub.Client(3));
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Client(3));

        var (_, body) = await client.GetAsync("/dashboard");

        Assert.Contains($"href=\"/alliance/{session.Id}\"", body);
        Assert.Contains("href=\"/wellbeing\"", body);
    }

    [Fact]
    public async Task CompleteAnswers_AreSavedOnce_AndOtherAnswersAfterwardAreRefused()
    {
        var email = DemoHub.Client(7);
        var session = await app.Factory.OpenAllianceSessionAsync(email);
        var client = await BrowserlessClient.SignedInAsync(app.Factory, email);
        var path = $"/alliance/{session.Id}";
        var (hidden, items) = await client.OpenAsync(path);

        var first = await client.PostFormAsync(path, path, new Dictionary<string, string>(hidden).With(items, 6, 6, 5, 2, 6));
        var second = await client.PostFormAsync("/dashboard", path, new Dictionary<string, string>(hidden).With(items, 1, 1, 1, 7, 1));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("Thank you", await first.Content.ReadAsStringAsync());
        var refusal = await second.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("<h1>This survey cannot be filled in</h1>", refusal);
        Assert.Contains("already answered", refusal);
        var saved = await app.Factory.QueryAsync(db => db.Submissions.AsSplitQuery().Where(s => s.CareSessionId == session.Id).ToListAsync());
        var submission = Assert.Single(saved);
        Assert.Equal(5.8m, submission.Score); // (6 + 6 + 5 + (8 - 2) + 6) / 5: the reversed item turned round
        Assert.Equal(submission.Id, await app.Factory.QueryAsync(db => db.CareSessions.Where(s => s.Id == session.Id).Select(s => s.AllianceSubmissionId).SingleAsync()));
        Assert.Equal(HttpStatusCode.Conflict, (await client.GetAsync(path)).Status);
    }

    /// <summary>A double click: every copy of the same answers is thanked for, and one is saved.</summary>
    [Fact]
    public async Task TwoPostsAtOnce_SaveOneSubmission_AndThankEach()
    {
        var (statuses, saved) = await app.Factory.PostSameAnswersAtOnceAsync(DemoHub.Client(9), times: 3);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(1, saved);
    }

    [Fact]
    public async Task TheSameAnswersSentAgain_AreThankedFor_AndSavedOnce()
    {
        var email = DemoHub.Client(15);
        var session = await app.Factory.OpenAllianceSessionAsync(email);
        var client = await BrowserlessClient.SignedInAsync(app.Factory, email);
        var path = $"/alliance/{session.Id}";
        var (hidden, items) = await client.OpenAsync(path);
        var answers = new Dictionary<string, string>(hidden).With(items, 6, 6, 5, 2, 6);

        var first = await client.PostFormAsync(path, path, answers);
        var again = await client.PostFormAsync("/dashboard", path, answers);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Thank you", await again.Content.ReadAsStringAsync());
        Assert.Equal(1, await app.Factory.QueryAsync(db => db.Submissions.CountAsync(s => s.CareSessionId == session.Id)));
    }

    [Fact]
    public async Task IncompleteAnswers_AreRefused_KeepTheChoices_AndLeaveTheInvitationOpen()
    {
        var email = DemoHub.Client(11);
        var session = await app.Factory.OpenAllianceSessionAsync(email);
        var client = await BrowserlessClient.SignedInAsync(app.Factory, email);
        var path = $"/alliance/{session.Id}";
        var (hidden, items) = await client.OpenAsync(path);

        var response = await client.PostFormAsync(path, path, hidden.With(items, 7, 3));
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Please answer \"We agree on what we are working on together\".", body);
        Assert.Matches("id=\"answer-bond-understood-7\"[^>]*checked", body);
        Assert.Matches("id=\"answer-bond-respected-3\"[^>]*checked", body);
        Assert.Equal(0, await app.Factory.QueryAsync(db => db.Submissions.CountAsync(s => s.CareSessionId == session.Id)));
        Assert.Null(await app.Factory.QueryAsync(db => db.CareSessions.Where(s => s.Id == session.Id).Select(s => s.AllianceSubmissionId).SingleAsync()));
    }

    [Fact]
    public async Task AnotherClientsSession_IsNotFound_ForViewingAndForPosting()
    {
        var others = await app.Factory.OpenAllianceSessionAsync(DemoHub.Client(2));
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Client(13));
        var (hidden, _) = await client.OpenAsync($"/alliance/{(await app.Factory.OpenAllianceSessionAsync(DemoHub.Client(13))).Id}");
        var items = new[] { "bond-understood", "bond-respected", "partnership-goals", "partnership-apart", "confidence-helps" };

        var view = await client.GetAsync($"/alliance/{others.Id}");
        var post = await client.PostFormAsync("/dashboard", $"/alliance/{others.Id}", hidden.With(items, 4, 4, 4, 4, 4));

        Assert.Equal(HttpStatusCode.NotFound, view.Status);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(0, await app.Factory.QueryAsync(db => db.Submissions.CountAsync(s => s.CareSessionId == others.Id)));
    }

    [Fact]
    public async Task AnotherHubsSession_IsNotFound()
    {
        var fabrikam = await app.Factory.OpenAllianceSessionAsync(DemoHub.OtherHubClient(1));
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Client(1));

        var (status, body) = await client.GetAsync($"/alliance/{fabrikam.Id}");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.DoesNotContain("Sam Okafor", body);
    }

    [Fact]
    public async Task ExpiredInvitation_IsRefusedWithAClearMessage()
    {
        var now = DateTimeOffset.UtcNow;
        var expired = await app.Factory.QueryAsync(db => db.CareSessions
            .Where(s => db.Members.Any(m => m.Id == s.MemberId && m.Email.EndsWith("@demo.wellbeing.test")) && s.InvitationOpenedAt != null && s.AllianceSubmissionId == null)
            .ToListAsync());
        var session = expired.First(s => s.InvitationExpiresAt < now);
        var email = await app.Factory.QueryAsync(db => db.Members.Where(m => m.Id == session.MemberId).Select(m => m.Email).SingleAsync());
        var client = await BrowserlessClient.SignedInAsync(app.Factory, email);

        var (status, body) = await client.GetAsync($"/alliance/{session.Id}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("has closed", body);
    }

    [Fact]
    public async Task UnknownSession_IsNotFound()
    {
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Client(1));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/alliance/{Guid.NewGuid()}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/alliance/not-a-session")).Status);
    }
}
