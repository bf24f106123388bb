using System.Net;
using Microsoft.EntityFrameworkCore;
using Wellbeing.Domain.Common;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Clients;

/// <summary>The WHO-5 over HTTP without JavaScript; each test uses its own client so the counts are its own.</summary>
public sealed class WellbeingFormTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Form_HasOneFieldsetPerStatement_WithLabelledRadiosInTheInstrumentsOrder_AndTheAttribution()
    {
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Client(3));

        var (status, body) = await client.GetAsync("/wellbeing");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(5, SurveyForms.ItemIds(body).Count);
        Assert.Contains("<legend>I have felt cheerful and in good spirits</legend>", body);
        Assert.Contains("Over the last two weeks", body);
        Assert.Contains("<label for=\"answer-1-5\">All of the time</label>", body);
        Assert.True(body.IndexOf("All of the time", StringComparison.Ordinal) < body.IndexOf("At no time", StringComparison.Ordinal));
        Assert.Contains("Licence: CC BY-NC-SA 3.0 IGO.", body);
        Assert.DoesNotContain("<script>", body);
    }

    [Fact]
    public async Task CompleteForm_IsSavedOnce_AndShowsScoreBracketAndNote()
    {
        var email = DemoHub.Client(4);
        var client = await BrowserlessClient.SignedInAsync(app.Factory, email);
        var before = await CountAsync(email);
        var (hidden, items) = await client.OpenAsync("/wellbeing");

        var response = await client.PostFormAsync("/wellbeing", "/wellbeing", hidden.With(items, 3, 3, 4, 4, 3));
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<span class=\"number\">68</span>", body);
        Assert.Contains("Good", body);
        Assert.Contains("not a diagnosis", body);
        Assert.Equal(before + 1, await CountAsync(email));
    }

    [Fact]
    public async Task SameFormPostedTwice_SavesOneSubmission_AndShowsTheSameResult()
    {
        var email = DemoHub.Client(6);
        var client = await BrowserlessClient.SignedInAsync(app.Factory, email);
        var before = await CountAsync(email);
        var (hidden, items) = await client.OpenAsync("/wellbeing");

        var first = await client.PostFormAsync("/wellbeing", "/wellbeing", new Dictionary<string, string>(hidden).With(items, 2, 2, 2, 2, 2));
        var second = await client.PostFormAsync("/wellbeing", "/wellbeing", new Dictionary<string, string>(hidden).With(items, 2, 2, 2, 2, 2));
        var secondBody = await second.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("already saved", secondBody);
        Assert.Contains("<span class=\"number\">40</span>", secondBody);
        Assert.Equal(before + 1, await CountAsync(email));
    }

    [Fact]
    public async Task SameFormPostedTwiceAtOnce_SavesOneSubmission()
    {
        var email = DemoHub.Client(8);
        var client = await BrowserlessClient.SignedInAsync(app.Factory, email);
        var before = await CountAsync(email);
        var (hidden, items) = await client.OpenAsync("/wellbeing");
        var (_, page) = await client.GetAsync("/wellbeing");
        var fields = hidden.With(items, 1, 2, 3, 4, 5);
        fields[Antiforgery.FieldName] = Antiforgery.TokenOf(page);

        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => client.Http.PostAsync("/wellbeing", new FormUrlEncodedContent(fields))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(before + 1, await CountAsync(email));
    }

    [Fact]
    public async Task IncompleteForm_IsRefused_KeepsTheChosenAnswers_AndSavesNothing()
    {
        var email = DemoHub.Client(11);
        var client = await BrowserlessClient.SignedInAsync(app.Factory, email);
        var before = await CountAsync(email);
        var (hidden, items) = await client.OpenAsync("/wellbeing");

        var response = await client.PostFormAsync("/wellbeing", "/wellbeing", hidden.With(items, 4, 1, 0, 2));
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Please answer \"My daily life has been filled with things that interest me\".", body);
        Assert.Matches("id=\"answer-1-4\"[^>]*checked", body);
        Assert.Matches("id=\"answer-3-0\"[^>]*checked", body);
        Assert.DoesNotMatch("id=\"answer-1-5\"[^>]*checked", body);
        Assert.Contains($"value=\"{hidden["submissionId"]}\"", body);
        Assert.Equal(before, await CountAsync(email));
    }

    [Theory]
    [InlineData("9")]
    [InlineData("-1")]
    [InlineData("lots")]
    public async Task OutOfRangeAnswer_IsRefused_AndNothingIsSaved(string value)
    {
        var email = DemoHub.Client(12);
        var client = await BrowserlessClient.SignedInAsync(app.Factory, email);
        var before = await CountAsync(email);
        var (hidden, items) = await client.OpenAsync("/wellbeing");
        var fields = hidden.With(items, 3, 3, 3, 3, 3);
        fields[$"answers[{items[2]}]"] = value;

        var response = await client.PostFormAsync("/wellbeing", "/wellbeing", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await CountAsync(email));
    }

    [Fact]
    public async Task AnotherInstrumentInTheHiddenField_IsRefusedWithAMessage()
    {
        var email = DemoHub.Client(13);
        var client = await BrowserlessClient.SignedInAsync(app.Factory, email);
        var before = await CountAsync(email);
        var (hidden, items) = await client.OpenAsync("/wellbeing");
        hidden["surveyKey"] = "professional-alliance";

        var response = await client.PostFormAsync("/wellbeing", "/wellbeing", hidden.With(items, 3, 3, 3, 3, 3));

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<h1>Your answers could not be saved</h1>", body);
        Assert.Contains("does not match the current Wellbeing Index", body);
        Assert.Equal(before, await CountAsync(email));
    }

    [Fact]
    public async Task AnotherClientsSubmissionId_IsNotFound_AndRevealsNothing()
    {
        var othersId = await app.Factory.QueryAsync(db => db.Submissions
            .Where(s => db.Members.Any(m => m.Id == s.MemberId && m.Email == DemoHub.Client(2)) && s.Measure == Measure.Wellbeing)
            .Select(s => s.Id).FirstAsync());
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Client(14));
        var (hidden, items) = await client.OpenAsync("/wellbeing");
        hidden["submissionId"] = othersId.ToString();

        var response = await client.PostFormAsync("/wellbeing", "/wellbeing", hidden.With(items, 3, 3, 3, 3, 3));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("class=\"number\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task LowScore_SaysWhereToGetHelp()
    {
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Client(15));
        var (hidden, items) = await client.OpenAsync("/wellbeing");

        var response = await client.PostFormAsync("/wellbeing", "/wellbeing", hidden.With(items, 1, 1, 1, 1, 1));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Contains("<span class=\"number\">20</span>", body);
        Assert.Contains("Poor", body);
        Assert.Contains("Where to get help", body);
    }

    private Task<int> CountAsync(string email) => app.Factory.WellbeingCountAsync(email);
}
