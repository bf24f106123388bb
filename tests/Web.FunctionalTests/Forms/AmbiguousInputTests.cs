using System.Net;
using Microsoft.EntityFrameworkCore;
using Wellbeing.Domain.Surveys;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.Forms;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Forms;

/// <summary>
/// Every form sent with one of its fields twice (<c>answers[3]=3&amp;answers[3]=9</c>): refused, redrawn with a message
/// and the rest of the input, nothing saved. Each test uses its own person, so the counts are its own.
/// </summary>
public sealed class AmbiguousInputTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Wellbeing_AnAnswerSentTwice_IsRefused_NamesTheQuestion_KeepsTheOtherAnswers_AndSavesNothing()
    {
        var email = DemoHub.Client(20);
        var client = await BrowserlessClient.SignedInAsync(app.Factory, email);
        var before = await SubmissionsAsync(email);
        var (_, items) = await client.OpenAsync("/wellbeing");

        var response = await client.SubmitFormAsync("/wellbeing", "/wellbeing", [
            new($"answers[{items[0]}]", "3"), new($"answers[{items[0]}]", "9"),
            .. items.Skip(1).Select(item => new KeyValuePair<string, string>($"answers[{item}]", "4"))]);
        var body = await BodyAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(SingleValueBinderProvider.FormMessage, Summary(body));
        Assert.Contains("Please choose one answer to \"I have felt cheerful and in good spirits\".", Summary(body));
        Assert.Contains($"id=\"answer-{items[1]}-4\" name=\"answers[{items[1]}]\" value=\"4\" required checked=\"checked\"", body);
        Assert.DoesNotContain($"name=\"answers[{items[0]}]\" value=\"3\" required checked=\"checked\"", body);
        Assert.Equal(before, await SubmissionsAsync(email));
    }

    /// <summary>MVC's index format for a dictionary: one question twice, or an index without its key.</summary>
    [Theory]
    [InlineData(26, true)]
    [InlineData(27, false)]
    public async Task Wellbeing_AnAnswerSentTwiceInIndexFormat_IsRefused_AndSavesNothing(int clientNumber, bool twoKeys)
    {
        var email = DemoHub.Client(clientNumber);
        var client = await BrowserlessClient.SignedInAsync(app.Factory, email);
        var before = await SubmissionsAsync(email);
        var (_, items) = await client.OpenAsync("/wellbeing");

        List<KeyValuePair<string, string>> answers = twoKeys
            ? [new("answers[0].Key", items[0]), new("answers[0].Value", "5"), new("answers[1].Key", items[0]), new("answers[1].Value", "0")]
            : [new("answers.index", "1")];
        var response = await client.SubmitFormAsync("/wellbeing", "/wellbeing", answers);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(SingleValueBinderProvider.FormMessage, Summary(await BodyAsync(response)));
        Assert.Equal(before, await SubmissionsAsync(email));
    }

    [Fact]
    public async Task Wellbeing_AHiddenFieldSentTwice_IsRefused_WithoutNamingIt()
    {
        var email = DemoHub.Client(22);
        var client = await BrowserlessClient.SignedInAsync(app.Factory, email);
        var before = await SubmissionsAsync(email);
        var (hidden, items) = await client.OpenAsync("/wellbeing");

        var response = await client.SubmitFormAsync("/wellbeing", "/wellbeing", [
            new("submissionId", Guid.NewGuid().ToString()), new("submissionId", hidden["submissionId"]),
            .. items.Select(item => new KeyValuePair<string, string>($"answers[{item}]", "4"))]);
        var summary = Summary(await BodyAsync(response));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(SingleValueBinderProvider.FormMessage, summary);
        Assert.DoesNotContain("submissionId", summary);
        Assert.Equal(before, await SubmissionsAsync(email));
    }

    [Fact]
    public async Task Wellbeing_SentBlank_NamesOnlyTheQuestions()
    {
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Client(24));

        var response = await client.SubmitFormAsync("/wellbeing", "/wellbeing", []);
        var summary = Summary(await BodyAsync(response));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(5, summary.Split("<li>").Length - 1);
        Assert.Contains("Please answer \"I have felt cheerful and in good spirits\".", summary);
        Assert.DoesNotContain(Survey.UnknownQuestionMessage, summary);
    }

    [Fact]
    public async Task Alliance_SentBlank_NamesOnlyTheQuestions_AndAnAnswerSentTwiceIsRefused()
    {
        var email = DemoHub.Client(23);
        var session = await app.Factory.OpenAllianceSessionAsync(email);
        var client = await BrowserlessClient.SignedInAsync(app.Factory, email);
        var path = $"/alliance/{session.Id}";
        var (_, items) = await client.OpenAsync(path);

        var blank = await client.SubmitFormAsync(path, path, []);
        var blankSummary = Summary(await BodyAsync(blank));
        var twice = await client.SubmitFormAsync(path, path, [
            new($"answers[{items[0]}]", "5"), new($"answers[{items[0]}]", "9"),
            .. items.Skip(1).Select(item => new KeyValuePair<string, string>($"answers[{item}]", "5"))]);
        var twiceSummary = Summary(await BodyAsync(twice));

        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Equal(items.Count, blankSummary.Split("<li>").Length - 1);
        Assert.DoesNotContain(Survey.UnknownQuestionMessage, blankSummary);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains(SingleValueBinderProvider.FormMessage, twiceSummary);
        Assert.Equal(0, await app.Factory.QueryAsync(db => db.Submissions.CountAsync(s => s.CareSessionId == session.Id)));
    }

    [Fact]
    public async Task Schedule_ADateSentTwice_IsRefused_KeepsTheTime_AndBooksNothing()
    {
        var memberId = await app.Factory.MemberIdAsync(DemoHub.Client(25));
        var before = await app.Factory.QueryAsync(db => db.CareSessions.CountAsync(s => s.MemberId == memberId));
        var professional = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.FirstProfessional);

        var response = await professional.SubmitFormAsync($"/clients/{memberId}", $"/clients/{memberId}/sessions", [
            new("Form.Date", $"{DateTime.UtcNow.AddDays(3):yyyy-MM-dd}"), new("Form.Date", $"{DateTime.UtcNow.AddDays(4):yyyy-MM-dd}"), new("Form.Time", "10:15")]);
        var body = await BodyAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(SingleValueBinderProvider.FormMessage, body);
        Assert.Contains(SingleValueBinderProvider.FieldMessage, body[body.IndexOf("id=\"date-error\"", StringComparison.Ordinal)..]);
        Assert.Contains("value=\"10:15", body);
        Assert.Equal(before, await app.Factory.QueryAsync(db => db.CareSessions.CountAsync(s => s.MemberId == memberId)));
    }

    [Fact]
    public async Task Sharing_ShareSentTwice_IsRefused_AndChangesNothing()
    {
        var email = DemoHub.Client(27);
        var memberId = await app.Factory.MemberIdAsync(email);
        var professionalId = await app.Factory.ProfessionalIdAsync(DemoHub.FirstProfessional);
        var before = await app.Factory.QueryAsync(db => db.ShareGrants.CountAsync(g => g.MemberId == memberId));
        var client = await BrowserlessClient.SignedInAsync(app.Factory, email);

        var response = await client.SubmitFormAsync("/sharing", "/sharing", [
            new("professionalId", professionalId.ToString()), new("measure", "Wellbeing"), new("share", "true"), new("share", "false")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(SingleValueBinderProvider.FormMessage, await BodyAsync(response));
        Assert.Equal(before, await app.Factory.QueryAsync(db => db.ShareGrants.CountAsync(g => g.MemberId == memberId)));
    }

    [Fact]
    public async Task MyData_ConfirmationOrReminderSentTwice_IsRefused_AndChangesNothing()
    {
        var email = DemoHub.Client(29);
        var client = await BrowserlessClient.SignedInAsync(app.Factory, email);
        var optedOut = await app.Factory.QueryAsync(db => db.Members.Where(m => m.Email == email).Select(m => m.WellbeingEmailsOff).SingleAsync());

        var delete = await client.SubmitFormAsync("/my-data", "/my-data/delete", [new("confirm", "true"), new("confirm", "true")]);
        var remind = await client.SubmitFormAsync("/my-data", "/reminders", [new("remind", "true"), new("remind", "false")]);

        Assert.Equal(HttpStatusCode.BadRequest, delete.StatusCode);
        Assert.Contains(SingleValueBinderProvider.FormMessage, await BodyAsync(delete));
        Assert.Equal(HttpStatusCode.BadRequest, remind.StatusCode);
        Assert.Contains(SingleValueBinderProvider.FormMessage, await BodyAsync(remind));
        Assert.Equal(optedOut, await app.Factory.QueryAsync(db => db.Members.Where(m => m.Email == email).Select(m => m.WellbeingEmailsOff).SingleAsync()));
    }

    [Fact]
    public async Task PartnerClients_ANameSentTwice_IsRefused_ButATickedScopeListStillTakesEveryValue()
    {
        var admin = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Administrator);
        var hubId = (await app.Factory.HubIdAsync(DemoHub.Slug)).ToString();

        var twice = await admin.SubmitFormAsync("/admin/partners", "/admin/partners", [
            new("Form.DisplayName", "Ambiguous HRIS"), new("Form.DisplayName", "Other HRIS"), new("Form.HubId", hubId), new("Form.Scopes", "aggregates:read")]);
        var list = await admin.SubmitFormAsync("/admin/partners", "/admin/partners", [
            new("Form.DisplayName", "Listed HRIS"), new("Form.HubId", hubId), new("Form.Scopes", "aggregates:read"), new("Form.Scopes", "aggregates:read")]);

        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains(SingleValueBinderProvider.FormMessage, await BodyAsync(twice));
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var (_, page) = await admin.GetAsync("/admin/partners");
        Assert.DoesNotContain("Ambiguous HRIS", page);
        Assert.DoesNotContain("Other HRIS", page);
        Assert.Contains("Listed HRIS", page);
    }

    [Fact]
    public async Task SignIn_AnEmailSentTwice_IsRefused_AndDoesNotSignIn()
    {
        var client = BrowserlessClient.For(app.Factory);

        var response = await client.SubmitFormAsync("/account/login", "/account/login", [
            new("Email", DemoHub.Client(31)), new("Email", DemoHub.Client(33)), new("Password", DemoHub.Password)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(SingleValueBinderProvider.FormMessage, await BodyAsync(response));
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync("/dashboard")).StatusCode);
    }

    [Fact]
    public async Task AnyForm_TheAntiforgeryTokenSentTwice_IsRefusedBeforeTheAction()
    {
        var email = DemoHub.Client(35);
        var client = await BrowserlessClient.SignedInAsync(app.Factory, email);
        var token = (await client.HiddenFieldsAsync("/my-data", "/reminders")).Single(f => f.Key == Antiforgery.FieldName).Value;
        var optedOut = await app.Factory.QueryAsync(db => db.Members.Where(m => m.Email == email).Select(m => m.WellbeingEmailsOff).SingleAsync());

        var response = await client.Http.PostAsync("/reminders", new FormUrlEncodedContent([
            new(Antiforgery.FieldName, token), new(Antiforgery.FieldName, token), new("topic", "WellbeingIndex"), new("remind", optedOut ? "true" : "false")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(optedOut, await app.Factory.QueryAsync(db => db.Members.Where(m => m.Email == email).Select(m => m.WellbeingEmailsOff).SingleAsync()));
    }

    private static async Task<string> BodyAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>The error summary above a form: what the person is told.</summary>
    private static string Summary(string body)
    {
        var start = body.IndexOf("class=\"error-summary\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "The form shows no error summary.");
        return body[start..body.IndexOf("</div>", start, StringComparison.Ordinal)];
    }

    private Task<int> SubmissionsAsync(string email) =>
        app.Factory.QueryAsync(db => db.Submissions.CountAsync(s => db.Members.Any(m => m.Id == s.MemberId && m.Email == email)));
}
