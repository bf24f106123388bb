using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Wellbeing.Domain.Messaging;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;
using static Wellbeing.Testing.UnsubscribeLinks;
using static Wellbeing.Web.FunctionalTests.Support.UnsubscribeRequests;

namespace Wellbeing.Web.FunctionalTests.Clients;

/// <summary>
/// The unsubscribe link of an e-mail, used without signing in: the confirmation page, RFC 8058 one-click, and links that
/// were tampered with or used before. Expiry and the throttle are in <see cref="UnsubscribeLimitsTests"/>.
/// </summary>
public sealed class UnsubscribeTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Get_ShowsAConfirmationButtonPostingOneClick_NamingOnlyTheKindOfEmail_AndChangesNothing()
    {
        var email = DemoHub.Client(11);
        var (path, messageId) = await IssueAsync(app.Factory, email, MessageKind.WellbeingReminder);
        var name = await app.Factory.QueryAsync(db => db.Members.Where(m => m.Email == email).Select(m => m.DisplayName).SingleAsync());

        var response = await BrowserlessClient.For(app.Factory).Http.GetAsync(path);
        var page = await BodyAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Stop Wellbeing Index reminders?", page);
        Assert.Contains($"<form method=\"post\" action=\"{path}\">", page);
        Assert.Matches("<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\" />\\s*<button type=\"submit\">Stop these e-mails</button>\\s*</form>", page);
        Assert.DoesNotContain(email, page);
        Assert.DoesNotContain(name, page);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.True(await app.Factory.ReceivesEmailsAsync(email, EmailTopic.WellbeingIndex));
        Assert.Null(await UsedAtAsync(app.Factory, messageId));
    }

    [Theory]
    [InlineData(12, MessageKind.WellbeingFollowUp, EmailTopic.WellbeingIndex, EmailTopic.AllianceSurvey, "Wellbeing Index reminders stopped")]
    [InlineData(13, MessageKind.AllianceInvitation, EmailTopic.AllianceSurvey, EmailTopic.WellbeingIndex, "Alliance survey invitations stopped")]
    public async Task OneClickPost_WithoutCookiesOrAntiforgery_Answers200WithAPage_AndTurnsOffOnlyThatTopic(
        int clientNumber, MessageKind kind, EmailTopic topic, EmailTopic other, string heading)
    {
        var email = DemoHub.Client(clientNumber);
        var (path, messageId) = await IssueAsync(app.Factory, email, kind);

        var response = await OneClickAsync(app.Factory, path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains(heading, await BodyAsync(response));
        Assert.False(await app.Factory.ReceivesEmailsAsync(email, topic));
        Assert.True(await app.Factory.ReceivesEmailsAsync(email, other));
        Assert.NotNull(await UsedAtAsync(app.Factory, messageId));
    }

    [Fact]
    public async Task ConfirmationPagesButton_PostsTheSameOneClick()
    {
        var email = DemoHub.Client(14);
        var (path, _) = await IssueAsync(app.Factory, email, MessageKind.AllianceReminder);
        var person = BrowserlessClient.For(app.Factory);
        var page = await person.Http.GetStringAsync(path);
        var action = WebUtility.HtmlDecode(Regex.Match(page, "<form method=\"post\" action=\"([^\"]+)\">").Groups[1].Value);

        var response = await person.Http.PostAsync(action, new FormUrlEncodedContent(
            [.. Regex.Matches(page, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\"")
                .Select(m => new KeyValuePair<string, string>(m.Groups[1].Value, m.Groups[2].Value))]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await app.Factory.ReceivesEmailsAsync(email, EmailTopic.AllianceSurvey));
    }

    [Fact]
    public async Task ReusedLink_AfterTurningTheTopicBackOnInMyData_ShowsAPage_AndChangesNothing()
    {
        var email = DemoHub.Client(15);
        var (path, messageId) = await IssueAsync(app.Factory, email, MessageKind.WellbeingReminder);
        Assert.Equal(HttpStatusCode.OK, (await OneClickAsync(app.Factory, path)).StatusCode);
        var firstUse = await UsedAtAsync(app.Factory, messageId);
        var client = await BrowserlessClient.SignedInAsync(app.Factory, email);
        await client.PostFormAsync("/my-data", "/reminders", new() { ["topic"] = nameof(EmailTopic.WellbeingIndex), ["remind"] = "true" });

        var again = await OneClickAsync(app.Factory, path);
        var opened = await BrowserlessClient.For(app.Factory).Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("This link has already been used to stop Wellbeing Index reminders.", await BodyAsync(again));
        Assert.Equal(HttpStatusCode.Conflict, opened.StatusCode);
        Assert.DoesNotContain("One-Click", await BodyAsync(opened));
        Assert.True(await app.Factory.ReceivesEmailsAsync(email, EmailTopic.WellbeingIndex));
        Assert.Equal(firstUse, await UsedAtAsync(app.Factory, messageId));
    }

    [Fact]
    public async Task TamperedLink_ShowsAPage_AndChangesNothing()
    {
        var email = DemoHub.Client(16);
        var (path, messageId) = await IssueAsync(app.Factory, email, MessageKind.WellbeingReminder);
        var middle = path.Length / 2;
        var tampered = path[..middle] + (path[middle] == 'A' ? 'B' : 'A') + path[(middle + 1)..];

        var posted = await OneClickAsync(app.Factory, tampered);
        var opened = await BrowserlessClient.For(app.Factory).Http.GetAsync(tampered);

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains("This unsubscribe link does not work", await BodyAsync(posted));
        Assert.Equal(HttpStatusCode.BadRequest, opened.StatusCode);
        Assert.True(await app.Factory.ReceivesEmailsAsync(email, EmailTopic.WellbeingIndex));
        Assert.Null(await UsedAtAsync(app.Factory, messageId));
    }

    /// <summary>A careless sender's unreadable body must not hide the token in the path and answer 500.</summary>
    [Theory]
    [InlineData(17, "multipart/form-data; boundary=zz", "not a multipart body")]
    [InlineData(18, "application/x-www-form-urlencoded", null)]
    public async Task OneClickPost_WithAnUnreadableForm_StillUsesTheTokenInThePath(int clientNumber, string contentType, string? body)
    {
        var email = DemoHub.Client(clientNumber);
        var (path, messageId) = await IssueAsync(app.Factory, email, MessageKind.WellbeingReminder);
        var http = app.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        Task<HttpResponseMessage> PostAsync(string to)
        {
            // Over the form reader's value length limit (4 MiB) when no body is given.
            var content = new StringContent(body ?? "List-Unsubscribe=" + new string('a', 5 * 1024 * 1024));
            content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
            return http.PostAsync(to, content);
        }

        var broken = await PostAsync("/unsubscribe/not-a-token");
        var response = await PostAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await app.Factory.ReceivesEmailsAsync(email, EmailTopic.WellbeingIndex));
        Assert.NotNull(await UsedAtAsync(app.Factory, messageId));
    }
}
