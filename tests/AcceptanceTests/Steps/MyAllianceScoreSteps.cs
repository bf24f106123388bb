using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Wellbeing.AcceptanceTests.Runner;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Professionals;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Testing.Browser;

namespace Wellbeing.AcceptanceTests.Steps;

/// <summary>
/// The professional's own alliance score: the page in Chromium, a client answering in a browser of their own, and the
/// publication rules of <see cref="AlliancePeriodScore"/> and <see cref="AllianceFeedbackRules"/> themselves.
/// </summary>
public sealed partial class MyAllianceScoreSteps(ScenarioContext context, WellbeingAppFactory app, Chromium chromium)
{
    private readonly List<string> _noted = [];
    private int _expiryDays;
    private int _k;
    private DateTimeOffset _firstInvitation;
    private bool _shown;

    private IPage Page => context.Get<IPage>(nameof(IPage));

    [Then("""^some months are shown and some say "([^"]*)"$""")]
    public async Task SomeShownSomeHidden(string hidden)
    {
        var rows = Page.Locator("table.months tbody tr");
        var hiddenRows = rows.Filter(new() { HasText = hidden });
        Assert.True(await hiddenRows.CountAsync() > 0, "No month is hidden.");
        Assert.True(await rows.CountAsync() > await hiddenRows.CountAsync(), "No month is shown.");
        await Chromium.SaveScreenshotAsync(Page, "my-alliance");
    }

    [Then("^no number of ratings or clients is shown$")]
    public async Task NoCounts() =>
        Assert.DoesNotMatch(CountOfPeople(), await Page.Locator("main").InnerTextAsync());

    [Given("""^"([^"]*)" does not share their alliance ratings with "([^"]*)"$""")]
    public async Task DoesNotShare(string client, string professional) =>
        Assert.False(await app.QueryAsync(db => db.ShareGrants.AnyAsync(g =>
            g.Measure == Measure.Alliance
            && db.Members.Any(m => m.Id == g.MemberId && m.Email == client)
            && db.Professionals.Any(p => p.Id == g.ProfessionalId && p.Email == professional))));

    [When("""^they note what "My alliance score" and the profile of "([^"]*)" show$""")]
    public async Task Note(string client)
    {
        foreach (var path in await PagesAsync(client))
        {
            await Page.GotoAsync(path);
            _noted.Add(await Page.Locator("main").InnerTextAsync());
        }
    }

    [When("""^"([^"]*)" answers the survey about their last session$""")]
    public async Task Answers(string client)
    {
        var now = DateTimeOffset.UtcNow;
        var sessions = await app.QueryAsync(db => db.CareSessions
            .Where(s => db.Members.Any(m => m.Id == s.MemberId && m.Email == client) && s.InvitationOpenedAt != null && s.AllianceSubmissionId == null)
            .ToListAsync());
        var session = sessions.Where(s => s.InvitationExpiresAt > now).OrderByDescending(s => s.EndedAt).First();

        await using var browser = await chromium.NewContextAsync(app.StartKestrel());
        var page = await browser.NewPageAsync();
        await page.SignInAsync(client, DemoHub.Password);
        await page.GotoAsync($"/alliance/{session.Id}");
        var statements = page.Locator("fieldset.item");
        for (var i = 0; i < await statements.CountAsync(); i++)
        {
            await statements.Nth(i).GetByLabel("Strongly disagree", new() { Exact = true }).CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("Thank you", await page.Locator("main").InnerTextAsync());
    }

    [Then("""^"My alliance score" and the profile of "([^"]*)" show exactly what they showed before$""")]
    public async Task ShowTheSame(string client)
    {
        var now = new List<string>();
        foreach (var path in await PagesAsync(client))
        {
            await Page.GotoAsync(path);
            now.Add(await Page.Locator("main").InnerTextAsync());
        }

        Assert.Equal(_noted, now);
    }

    [Given("^a professional whose hubs keep alliance surveys open for at most (\\d+) days$")]
    public void SurveysOpenFor(int days) => _expiryDays = days;

    [When("^they sent their first survey on (\\d+ \\w+ \\d{4})$")]
    public void FirstSurvey(string date) =>
        _firstInvitation = new DateTimeOffset(DateTime.ParseExact(date, "d MMMM yyyy", CultureInfo.InvariantCulture), TimeSpan.Zero);

    [Then("^(\\w+ \\d{4}) cannot be published before (\\d+ \\w+ \\d{4}) at (\\d\\d:\\d\\d) UTC$")]
    public void NotBefore(string month, string date, string time) =>
        Assert.DoesNotContain(Key(month), ClosedAt(date, time, before: true));

    [Then("^(\\w+ \\d{4}) can be published from (\\d+ \\w+ \\d{4}) at (\\d\\d:\\d\\d) UTC$")]
    public void From(string month, string date, string time) =>
        Assert.Contains(Key(month), ClosedAt(date, time, before: false));

    [Given("^a professional in a hub with the default privacy rules$")]
    public void DefaultRules() => _k = HubSettings.Defaults().K;

    [When("^(\\d+) clients who do not share their ratings were sent a survey in a month and (\\d+) of them answered$")]
    public void AskedAndAnswered(int asked, int answered) => _shown = AllianceFeedbackRules.MayShow(answered, asked, _k);

    [Then("^that month is (shown|hidden)$")]
    public void ThatMonthIs(string shown) => Assert.Equal(shown == "shown", _shown);

    private async Task<string[]> PagesAsync(string client)
    {
        var memberId = await app.QueryAsync(db => db.Members.Where(m => m.Email == client).Select(m => m.Id).SingleAsync());
        return ["/my-alliance", $"/clients/{memberId}"];
    }

    private IEnumerable<string> ClosedAt(string date, string time, bool before)
    {
        var at = new DateTimeOffset(DateTime.ParseExact($"{date} {time}", "d MMMM yyyy HH:mm", CultureInfo.InvariantCulture), TimeSpan.Zero);
        return AlliancePeriodScore.ClosedMonths(_firstInvitation, before ? at.AddTicks(-1) : at, _expiryDays).Select(m => m.Key);
    }

    private static string Key(string month) => DateTime.ParseExact(month, "MMMM yyyy", CultureInfo.InvariantCulture).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Any number of ratings, clients, responses or answers.</summary>
    [GeneratedRegex("\\d+\\s+(ratings?|clients?|responses?|answers?|raters?|people)\\b", RegexOptions.IgnoreCase)]
    private static partial Regex CountOfPeople();
}
