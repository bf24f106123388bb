using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wellbeing.Domain.Messaging;
using Wellbeing.Domain.Sharing;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.Formatting;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Clients;

/// <summary>Downloading, deleting and e-mail choices: always the signed-in client's own data and nothing else.</summary>
public sealed class MyDataTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task JsonExport_HoldsEveryOwnSubmission_AndNoOneElsesName()
    {
        var email = DemoHub.Client(1);
        var (memberId, count) = await app.Factory.QueryAsync(async db =>
        {
            var member = await db.Members.SingleAsync(m => m.Email == email);
            return (member.Id, await db.Submissions.CountAsync(s => s.MemberId == member.Id));
        });
        var otherName = await app.Factory.QueryAsync(db => db.Members.Where(m => m.Email == DemoHub.Client(2)).Select(m => m.DisplayName).SingleAsync());
        var client = await BrowserlessClient.SignedInAsync(app.Factory, email);

        var response = await client.Http.GetAsync("/my-data/export.json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(memberId, json.RootElement.GetProperty("member").GetProperty("id").GetGuid());
        Assert.Equal(count, json.RootElement.GetProperty("submissions").GetArrayLength());
        Assert.Equal("I have felt cheerful and in good spirits", json.RootElement.GetProperty("submissions").EnumerateArray()
            .First(s => s.GetProperty("measure").GetString() == "Wellbeing").GetProperty("answers")[0].GetProperty("text").GetString());
        Assert.DoesNotContain(otherName, json.RootElement.GetRawText());
    }

    [Fact]
    public async Task FhirExport_IsABundleWithOneQuestionnaireResponsePerSubmission()
    {
        var email = DemoHub.Client(3);
        var count = await app.Factory.QueryAsync(db => db.Submissions.CountAsync(s => db.Members.Any(m => m.Id == s.MemberId && m.Email == email)));
        var client = await BrowserlessClient.SignedInAsync(app.Factory, email);

        var response = await client.Http.GetAsync("/my-data/export.fhir.json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var resources = json.RootElement.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource")).ToList();
        var responses = resources.Where(r => r.GetProperty("resourceType").GetString() == "QuestionnaireResponse").ToList();

        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bundle", json.RootElement.GetProperty("resourceType").GetString());
        Assert.Equal(count, responses.Count);
        Assert.All(responses, r => Assert.Equal("completed", r.GetProperty("status").GetString()));
        Assert.Contains(responses, r => r.GetProperty("questionnaire").GetString()!.EndsWith("who-5|1", StringComparison.Ordinal) && r.GetProperty("item").GetArrayLength() == 5);
        Assert.Equal(count, resources.Count(r => r.GetProperty("resourceType").GetString() == "Observation"));
    }

    [Theory]
    [InlineData(5, EmailTopic.WellbeingIndex, "Send me Wellbeing Index reminders again", EmailTopic.AllianceSurvey)]
    [InlineData(7, EmailTopic.AllianceSurvey, "Send me Alliance survey invitations again", EmailTopic.WellbeingIndex)]
    public async Task EmailTopic_TurnedOffAndBackOn_ChangesOnlyThatTopic(int clientNumber, EmailTopic topic, string offButton, EmailTopic other)
    {
        var email = DemoHub.Client(clientNumber);
        var client = await BrowserlessClient.SignedInAsync(app.Factory, email);

        var off = await client.PostFormAsync("/my-data", "/reminders", new() { ["topic"] = topic.ToString(), ["remind"] = "false" });
        var receivesWhileOff = await app.Factory.ReceivesEmailsAsync(email, topic);
        var otherWhileOff = await app.Factory.ReceivesEmailsAsync(email, other);
        var page = (await client.GetAsync("/my-data")).Body;
        await client.PostFormAsync("/my-data", "/reminders", new() { ["topic"] = topic.ToString(), ["remind"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.False(receivesWhileOff);
        Assert.True(otherWhileOff);
        Assert.Contains(offButton, page);
        Assert.True(await app.Factory.ReceivesEmailsAsync(email, topic));
        Assert.Contains($"Stop {topic.Name()}", (await client.GetAsync("/my-data")).Body);
    }

    [Fact]
    public async Task EmailChoice_WithoutATopic_IsRefused_AndChangesNothing()
    {
        var email = DemoHub.Client(8);
        var client = await BrowserlessClient.SignedInAsync(app.Factory, email);

        var response = await client.PostFormAsync("/my-data", "/reminders", new() { ["remind"] = "false" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Choose which e-mails to turn on or off.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.True(await app.Factory.ReceivesEmailsAsync(email, EmailTopic.WellbeingIndex));
        Assert.True(await app.Factory.ReceivesEmailsAsync(email, EmailTopic.AllianceSurvey));
    }

    /// <summary>Only the form's own values change a choice: no "remind" is not "off", and a topic is named, not numbered.</summary>
    [Theory]
    [InlineData(11, "WellbeingIndex", null)]
    [InlineData(12, "1", "false")]
    [InlineData(13, "0,1", "false")]
    [InlineData(14, "wellbeingindex", "false")]
    public async Task EmailChoice_WithoutRemindOrWithATopicNotNamedAsTheFormNamesIt_IsRefused_AndChangesNothing(int clientNumber, string topic, string? remind)
    {
        var email = DemoHub.Client(clientNumber);
        var client = await BrowserlessClient.SignedInAsync(app.Factory, email);
        var fields = new Dictionary<string, string> { ["topic"] = topic };
        if (remind is not null)
        {
            fields["remind"] = remind;
        }

        var response = await client.PostFormAsync("/my-data", "/reminders", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(await app.Factory.ReceivesEmailsAsync(email, EmailTopic.WellbeingIndex));
        Assert.True(await app.Factory.ReceivesEmailsAsync(email, EmailTopic.AllianceSurvey));
    }

    [Fact]
    public async Task Delete_WithoutTheConfirmation_DeletesNothing()
    {
        var email = DemoHub.Client(6);
        var client = await BrowserlessClient.SignedInAsync(app.Factory, email);

        var response = await client.PostFormAsync("/my-data", "/my-data/delete", []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Tick the box to confirm", await response.Content.ReadAsStringAsync());
        Assert.True(await app.Factory.QueryAsync(db => db.Members.AnyAsync(m => m.Email == email)));
    }

    [Fact]
    public async Task Delete_Confirmed_RemovesTheMemberAndEverythingAboutThem_ButKeepsOthersAndPublishedPeriods()
    {
        var email = DemoHub.Client(10);
        var (memberId, userId, hubId, professionalId) = await app.Factory.QueryAsync(async db =>
        {
            var member = await db.Members.SingleAsync(m => m.Email == email);
            var professional = await db.ClientConnections.Where(c => c.MemberId == member.Id).Select(c => c.ProfessionalId).FirstAsync();
            return (member.Id, member.UserId!, member.HubId, professional);
        });
        await app.Factory.QueryAsync(db =>
        {
            db.ScoreViews.Add(new ScoreView(hubId, memberId, professionalId, DateTimeOffset.UtcNow.AddDays(-1)));
            db.OutboxMessages.Add(new OutboxMessage(hubId, memberId, MessageKind.WellbeingReminder, DateOnly.FromDateTime(DateTime.UtcNow), null, DateTimeOffset.UtcNow.AddDays(1), DateTimeOffset.UtcNow));
            return db.SaveChangesAsync();
        });
        var (othersBefore, blocksBefore) = await app.Factory.QueryAsync(async db =>
            (await db.Submissions.CountAsync(s => s.MemberId != memberId), await db.PeriodBlocks.CountAsync()));
        var client = await BrowserlessClient.SignedInAsync(app.Factory, email);

        var response = await client.PostFormAsync("/my-data", "/my-data/delete", new() { ["confirm"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/my-data/deleted", response.Headers.Location?.OriginalString);
        var left = await app.Factory.QueryAsync(async db => new[]
        {
            await db.Members.CountAsync(m => m.Id == memberId),
            await db.Submissions.CountAsync(s => s.MemberId == memberId),
            await db.ShareGrants.CountAsync(g => g.MemberId == memberId),
            await db.ScoreViews.CountAsync(v => v.MemberId == memberId),
            await db.CareSessions.CountAsync(s => s.MemberId == memberId),
            await db.ClientConnections.CountAsync(c => c.MemberId == memberId),
            await db.OutboxMessages.CountAsync(m => m.MemberId == memberId),
            await db.Users.CountAsync(u => u.Id == userId),
            await db.UserRoles.CountAsync(r => r.UserId == userId),
        });
        Assert.All(left, count => Assert.Equal(0, count));
        Assert.Equal(0, await AnswerRowsAsync(memberId));
        Assert.Equal(othersBefore, await app.Factory.QueryAsync(db => db.Submissions.CountAsync(s => s.MemberId != memberId)));
        Assert.Equal(blocksBefore, await app.Factory.QueryAsync(db => db.PeriodBlocks.CountAsync()));
        Assert.Contains("/account/login", (await client.Http.GetAsync("/dashboard")).Headers.Location?.OriginalString);
        Assert.NotEqual(HttpStatusCode.Redirect, (await BrowserlessClient.For(app.Factory).SignInAsync(email, DemoHub.Password)).StatusCode);
    }

    private Task<int> AnswerRowsAsync(Guid memberId) => app.Factory.QueryAsync(async db =>
    {
        // The answers table has no entity of its own; ask SQL directly whether any row still points to a deleted submission.
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"SubmissionAnswers\" WHERE \"SubmissionId\" NOT IN (SELECT \"Id\" FROM \"Submissions\")";
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    });
}
