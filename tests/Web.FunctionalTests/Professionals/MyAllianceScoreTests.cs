using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wellbeing.Application.Professionals.Commands.PublishAllianceScores;
using Wellbeing.Domain.Accounts;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Statistics;
using Wellbeing.Infrastructure.Jobs;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Professionals;

/// <summary>
/// The professional's own alliance score is published per closed UTC month, once every invitation of the month has
/// expired, computed once and never changed, and shown only when more than k clients who do not share were invited
/// and at least k of them answered. Attack 4 of issue 10: a client who does not share answers, and nothing the
/// professional sees may tell.
/// </summary>
public sealed partial class MyAllianceScoreTests
{
    private const string NotEnough = "Not enough responses";

    [Fact]
    public async Task DemoProfessional_SeesEachClosedMonthShownOrHidden_AndTheMeanOfTheShownOnes_WithoutAnyCount()
    {
        using var app = new AppFixture();
        var professionalId = await app.Factory.ProfessionalIdAsync(DemoHub.FirstProfessional);
        var months = await app.Factory.QueryAsync(db => db.AlliancePeriodScores.Where(s => s.ProfessionalId == professionalId).OrderBy(s => s.PeriodStart).ToListAsync());
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.FirstProfessional);

        var (status, body) = await client.GetAsync("/my-alliance");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(months, m => m.IsHidden);
        Assert.Contains(months, m => !m.IsHidden);
        foreach (var month in months)
        {
            var row = MonthRow(body, month.PeriodStart);
            Assert.Contains(month.PeriodStart.ToString("MMMM yyyy", CultureInfo.InvariantCulture), row);
            Assert.Equal(FigureOf(month), Figure(row));
        }

        var overall = Math.Round(months.Where(m => !m.IsHidden).Average(m => m.Mean!.Value), 2, MidpointRounding.AwayFromZero);
        Assert.Contains($"<span class=\"number\">{overall.ToString("0.0", CultureInfo.InvariantCulture)}</span>", body);
        Assert.Contains("Partnership", body);
        Assert.Contains("not a validated instrument", body);
        Assert.DoesNotMatch(CountOfPeople(), body);
    }

    /// <summary>
    /// Attack 4: client 17 does not share alliance with pro1 and answers the survey of yesterday's session. Neither
    /// /my-alliance, nor the client's profile, nor the client list changes; when the month closes its score is
    /// computed once (hidden or shown, the same page for everyone), and the next month's close leaves it as it was.
    /// </summary>
    [Fact]
    public async Task UnsharedClientAnswering_ChangesNothingTheProfessionalSees_AndItsMonthIsComputedOnce()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new WellbeingAppFactory { Clock = clock };
        var email = DemoHub.Client(17);
        var memberId = await factory.MemberIdAsync(email);
        var professionalId = await factory.ProfessionalIdAsync(DemoHub.FirstProfessional);
        Assert.False(await factory.QueryAsync(db => db.ShareGrants.AnyAsync(g => g.MemberId == memberId && g.ProfessionalId == professionalId && g.Measure == Measure.Alliance)));
        var session = await factory.OpenAllianceSessionAsync(email);
        var professional = await BrowserlessClient.SignedInAsync(factory, DemoHub.FirstProfessional);
        string[] pages = ["/my-alliance", $"/clients/{memberId}", "/clients"];
        var before = await ReadAsync(professional, pages);

        var rater = await BrowserlessClient.SignedInAsync(factory, email);
        var (_, form) = await rater.GetAsync($"/alliance/{session.Id}");
        var answered = await rater.PostFormAsync($"/alliance/{session.Id}", $"/alliance/{session.Id}", SurveyForms.HiddenFields(form).With(SurveyForms.ItemIds(form), 1, 1, 1, 1, 1));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.True(await factory.QueryAsync(db => db.Submissions.AnyAsync(s => s.CareSessionId == session.Id)));

        Assert.Equal(before, await ReadAsync(professional, pages));

        // The month has closed, but until the publication runs nothing is new.
        var month = ReportingPeriod.Containing(session.InvitationOpenedAt!.Value, ReportingPeriodLength.Month, "UTC");
        clock.SetUtcNow(ClosingOf(month, expiryDays: 7));
        professional = await BrowserlessClient.SignedInAsync(factory, DemoHub.FirstProfessional);
        Assert.Equal(before, await ReadAsync(professional, pages));

        await RunPublicationJobAsync(factory);
        var published = await PublishedMonthAsync(factory, professionalId, month);
        var (_, page) = await professional.GetAsync("/my-alliance");
        var row = MonthRow(page, month.Start);
        Assert.Equal(FigureOf(published), Figure(row));
        Assert.DoesNotMatch(CountOfPeople(), page);

        clock.SetUtcNow(ClosingOf(ReportingPeriod.Containing(month.End, ReportingPeriodLength.Month, "UTC"), expiryDays: 7));
        await RunPublicationJobAsync(factory);
        professional = await BrowserlessClient.SignedInAsync(factory, DemoHub.FirstProfessional);
        var (_, later) = await professional.GetAsync("/my-alliance");

        Assert.Equal(row, MonthRow(later, month.Start));
        var again = await PublishedMonthAsync(factory, professionalId, month);
        Assert.Equal((published.Id, published.PublishedAt, published.Mean), (again.Id, again.PublishedAt, again.Mean));
    }

    /// <summary>
    /// Only clients who do not share count: the professional who invited exactly k of them sees the month hidden even
    /// when all of them answered, and sharing clients' answers do not make up for missing ones.
    /// </summary>
    [Theory]
    [InlineData(5, 5, 0, false)]
    [InlineData(5, 5, 10, false)]
    [InlineData(6, 4, 10, false)]
    [InlineData(6, 5, 0, true)]
    public async Task Month_IsShownOnlyWithKRatersAndMoreThanKInvited_AmongClientsWhoDoNotShare(int unsharedInvited, int unsharedRaters, int sharingRaters, bool shown)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new WellbeingAppFactory { Clock = clock, DemoDataEnabled = false };
        var scenario = await ProfessionalScenario.CreateAsync(factory, (K: 5, InvitationExpiryDays: 7));
        var unshared = await scenario.AddClientsAsync(unsharedInvited, sharesAlliance: false);
        var sharing = await scenario.AddClientsAsync(sharingRaters, sharesAlliance: true);
        await scenario.InviteAsync([.. unshared, .. sharing]);
        await scenario.RateAsync([.. unshared.Take(unsharedRaters), .. sharing], everyAnswer: 6);
        var month = ReportingPeriod.Containing(scenario.Now, ReportingPeriodLength.Month, "UTC");

        clock.SetUtcNow(ClosingOf(month, expiryDays: 7));
        var outcomes = await scenario.PublishAsync();
        var (_, page) = await (await scenario.SignInAsync()).GetAsync("/my-alliance");

        Assert.Equal([new AllianceScoreOutcome(scenario.ProfessionalId, month.Key, AllianceScoreResult.Published)], outcomes);
        var published = Assert.Single(await scenario.PublishedAsync());
        Assert.Equal(shown, !published.IsHidden);
        Assert.Equal(shown ? await MeanOfRatingsAsync(factory, scenario.ProfessionalId) : null, published.Mean);
        Assert.Equal(FigureOf(published), Figure(MonthRow(page, month.Start)));
    }

    /// <summary>
    /// A client who shared their ratings at some time in the month may have shown the professional that they answered,
    /// so stopping before the publication does not make them one of the clients who hide who answered: with them,
    /// six were invited; without them, exactly k = 5, all answering, and the month stays hidden.
    /// </summary>
    [Fact]
    public async Task ClientWhoStoppedSharingDuringTheMonth_DoesNotCountAmongThoseWhoDoNotShare()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new WellbeingAppFactory { Clock = clock, DemoDataEnabled = false };
        var scenario = await ProfessionalScenario.CreateAsync(factory, (K: 5, InvitationExpiryDays: 7));
        var unshared = await scenario.AddClientsAsync(5, sharesAlliance: false);
        var stopped = Assert.Single(await scenario.AddClientsAsync(1, sharesAlliance: true));
        await scenario.InviteAsync([.. unshared, stopped]);
        await scenario.RateAsync([.. unshared, stopped], everyAnswer: 5);
        var revoking = await BrowserlessClient.SignedInAsync(factory, stopped.Email);
        Assert.Equal(HttpStatusCode.Redirect, (await revoking.PostFormAsync("/sharing", "/sharing", new() { ["professionalId"] = scenario.ProfessionalId.ToString(), ["measure"] = "Alliance", ["share"] = "false" })).StatusCode);
        var month = ReportingPeriod.Containing(scenario.Now, ReportingPeriodLength.Month, "UTC");

        clock.SetUtcNow(ClosingOf(month, expiryDays: 7));
        await scenario.PublishAsync();

        Assert.True(Assert.Single(await scenario.PublishedAsync()).IsHidden);
    }

    /// <summary>
    /// A published month is final. After it, one of its raters deletes their account, a sharing client stops sharing
    /// and every client answers again the next month: computed now, the month would read differently, yet the page
    /// shows exactly what it showed, through the next month's publication too.
    /// </summary>
    [Fact]
    public async Task PublishedMonth_NeverChanges_AfterLaterRatingsRevocationsAndDeletedAccounts()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new WellbeingAppFactory { Clock = clock, DemoDataEnabled = false };
        var scenario = await ProfessionalScenario.CreateAsync(factory, (K: 3, InvitationExpiryDays: 7));
        var unshared = await scenario.AddClientsAsync(5, sharesAlliance: false);
        var sharing = await scenario.AddClientsAsync(2, sharesAlliance: true);
        await scenario.InviteAsync([.. unshared, .. sharing]);
        await scenario.RateAsync([unshared[0]], everyAnswer: 7);
        await scenario.RateAsync([.. unshared.Skip(1).Take(3), .. sharing], everyAnswer: 4);
        var month = ReportingPeriod.Containing(scenario.Now, ReportingPeriodLength.Month, "UTC");
        clock.SetUtcNow(ClosingOf(month, expiryDays: 7));
        await scenario.PublishAsync();
        var published = Assert.Single(await scenario.PublishedAsync());
        Assert.Equal(await MeanOfRatingsAsync(factory, scenario.ProfessionalId), published.Mean);
        var (_, first) = await (await scenario.SignInAsync()).GetAsync("/my-alliance");

        var deleting = await BrowserlessClient.SignedInAsync(factory, unshared[0].Email);
        Assert.Equal(HttpStatusCode.Redirect, (await deleting.PostFormAsync("/my-data", "/my-data/delete", new() { ["confirm"] = "true" })).StatusCode);
        var revoking = await BrowserlessClient.SignedInAsync(factory, sharing[0].Email);
        Assert.Equal(HttpStatusCode.Redirect, (await revoking.PostFormAsync("/sharing", "/sharing", new() { ["professionalId"] = scenario.ProfessionalId.ToString(), ["measure"] = "Alliance", ["share"] = "false" })).StatusCode);
        await scenario.InviteAsync([.. unshared.Skip(1), .. sharing]);
        await scenario.RateAsync([.. unshared.Skip(1), .. sharing], everyAnswer: 2);
        Assert.NotEqual(published.Mean, await RecomputedMeanAsync(factory, scenario.ProfessionalId, month, published.K));

        Assert.Empty(await scenario.PublishAsync());
        var (_, afterChanges) = await (await scenario.SignInAsync()).GetAsync("/my-alliance");
        var next = ReportingPeriod.Containing(month.End, ReportingPeriodLength.Month, "UTC");
        clock.SetUtcNow(ClosingOf(next, expiryDays: 7));
        Assert.Equal([new AllianceScoreOutcome(scenario.ProfessionalId, next.Key, AllianceScoreResult.Published)], await scenario.PublishAsync());
        var (_, afterNextMonth) = await (await scenario.SignInAsync()).GetAsync("/my-alliance");

        Assert.Equal(Stable(first), Stable(afterChanges));
        Assert.Equal(MonthRow(first, month.Start), MonthRow(afterNextMonth, month.Start));
        var kept = (await scenario.PublishedAsync())[0];
        Assert.Equal((published.Id, published.PublishedAt, published.Mean), (kept.Id, kept.PublishedAt, kept.Mean));
        Assert.Equal(published.Subscales, kept.Subscales);
    }

    /// <summary>
    /// Working in two hubs, the stricter hub's k decides (five invited clients who all answered are exactly its k), and
    /// the month waits for the hub whose invitations stay open longest.
    /// </summary>
    [Fact]
    public async Task InSeveralHubs_TheLargestKAndTheLongestInvitationApply()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new WellbeingAppFactory { Clock = clock, DemoDataEnabled = false };
        var scenario = await ProfessionalScenario.CreateAsync(factory, (K: 3, InvitationExpiryDays: 7), (K: 5, InvitationExpiryDays: 14));
        var clients = await scenario.AddClientsAsync(5, sharesAlliance: false);
        await scenario.InviteAsync(clients);
        await scenario.RateAsync(clients, everyAnswer: 6);
        var month = ReportingPeriod.Containing(scenario.Now, ReportingPeriodLength.Month, "UTC");

        clock.SetUtcNow(ClosingOf(month, expiryDays: 7));
        Assert.Empty(await scenario.PublishAsync());
        clock.SetUtcNow(ClosingOf(month, expiryDays: 14));
        await scenario.PublishAsync();

        var published = Assert.Single(await scenario.PublishedAsync());
        Assert.True(published.IsHidden);
        Assert.Equal(5, published.K);
    }

    [Fact]
    public async Task EachProfessional_SeesOnlyTheirOwnMonths()
    {
        using var app = new AppFixture();
        var (first, second) = await app.Factory.QueryAsync(async db =>
        {
            var ids = await db.Professionals.Where(p => p.Email == DemoHub.FirstProfessional || p.Email == DemoHub.SecondProfessional).ToDictionaryAsync(p => p.Email, p => p.Id);
            var scores = await db.AlliancePeriodScores.OrderBy(s => s.PeriodStart).ToListAsync();
            return (scores.Where(s => s.ProfessionalId == ids[DemoHub.FirstProfessional]).ToList(), scores.Where(s => s.ProfessionalId == ids[DemoHub.SecondProfessional]).ToList());
        });
        var (_, page) = await (await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.SecondProfessional)).GetAsync("/my-alliance");

        // Some month reads differently for the two, so a page showing pro1's months would fail below.
        Assert.Contains(second, s => first.Any(f => f.PeriodStart == s.PeriodStart && FigureOf(f) != FigureOf(s)));
        Assert.Equal(second.Count, Regex.Count(page, "<tr id=\"month-"));
        Assert.All(second, s => Assert.Equal(FigureOf(s), Figure(MonthRow(page, s.PeriodStart))));
    }

    /// <summary>Other roles are refused by WorkstationAuthorizationTests; a professional's role without a professional behind it finds nothing.</summary>
    [Fact]
    public async Task ProfessionalRole_WithoutAProfessional_IsNotFound()
    {
        using var app = new AppFixture();
        var email = $"pro-{Guid.NewGuid():N}@scenario.test";
        using (var scope = app.Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Infrastructure.Identity.ApplicationUser>>();
            var user = new Infrastructure.Identity.ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Nobody" };
            Assert.True((await users.CreateAsync(user, DemoHub.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Professional)).Succeeded);
        }

        var (status, body) = await (await BrowserlessClient.SignedInAsync(app.Factory, email)).GetAsync("/my-alliance");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.DoesNotContain("class=\"number\"", body);
    }

    /// <summary>The moment a month closes: its end, the longest invitation, and the grace for answers in flight.</summary>
    private static DateTimeOffset ClosingOf(ReportingPeriod month, int expiryDays) => month.End.AddDays(expiryDays) + ReportingPeriod.Grace;

    private static async Task RunPublicationJobAsync(WellbeingAppFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<PublicationJob>().RunAsync(CancellationToken.None);
    }

    private static Task<AlliancePeriodScore> PublishedMonthAsync(WellbeingAppFactory factory, Guid professionalId, ReportingPeriod month) =>
        factory.QueryAsync(db => db.AlliancePeriodScores.SingleAsync(s => s.ProfessionalId == professionalId && s.PeriodStart == month.Start));

    /// <summary>What the month would read if it were computed again now (it never is).</summary>
    private static async Task<decimal?> RecomputedMeanAsync(WellbeingAppFactory factory, Guid professionalId, ReportingPeriod month, int k)
    {
        using var scope = factory.Services.CreateScope();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var statistics = await scope.ServiceProvider.GetRequiredService<IAllianceRatingSource>().ReadAsync(professionalId, month, now, CancellationToken.None);
        return AlliancePeriodScore.Publish(professionalId, month, now, k, statistics).Mean;
    }

    private static async Task<string[]> ReadAsync(BrowserlessClient client, IEnumerable<string> paths)
    {
        var pages = new List<string>();
        foreach (var path in paths)
        {
            var (status, body) = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, status);
            pages.Add(Stable(body));
        }

        return [.. pages];
    }

    /// <summary>
    /// The page without its antiforgery tokens and the booking form's id, which differ on every response whatever the
    /// data.
    /// </summary>
    private static string Stable(string html) => BookingId().Replace(AntiforgeryToken().Replace(html, "TOKEN"), "BOOKING");

    /// <summary>The month's figure as the page must show it: its mean to one decimal, or "Not enough responses".</summary>
    private static string FigureOf(AlliancePeriodScore month) => month.Mean?.ToString("0.0", CultureInfo.InvariantCulture) ?? NotEnough;

    /// <summary>The figure a month's row shows: the first cell after the month's name.</summary>
    private static string Figure(string row) => Regex.Replace(Regex.Match(row, "</th>\\s*<td[^>]*>(.*?)</td>", RegexOptions.Singleline).Groups[1].Value, "<[^>]+>", string.Empty);

    /// <summary>The mean of every alliance rating about the professional, rounded as published (they all belong to one month here).</summary>
    private static async Task<decimal> MeanOfRatingsAsync(WellbeingAppFactory factory, Guid professionalId)
    {
        var scores = await factory.QueryAsync(db => db.Submissions.Where(s => s.Measure == Measure.Alliance && s.ProfessionalId == professionalId).Select(s => s.Score).ToListAsync());
        // Published to the nearest half point (AlliancePeriodScore), so the count of ratings never shows through.
        return Math.Round(scores.Average() * 2, MidpointRounding.AwayFromZero) / 2;
    }

    private static string MonthRow(string html, DateTimeOffset monthStart)
    {
        var match = Regex.Match(html, $"<tr id=\"month-{monthStart:yyyy-MM}\">.*?</tr>", RegexOptions.Singleline);
        Assert.True(match.Success, $"No row for {monthStart:yyyy-MM}.");
        return match.Value;
    }

    /// <summary>ASP.NET Core's data-protected tokens (form fields and the htmx header) start with this prefix.</summary>
    [GeneratedRegex("CfDJ8[A-Za-z0-9_-]+")]
    private static partial Regex AntiforgeryToken();

    /// <summary>The session booking form's id, drawn anew with each profile page.</summary>
    [GeneratedRegex("(?<=name=\"Form.SessionId\" value=\")[0-9a-f-]{36}")]
    private static partial Regex BookingId();

    /// <summary>Any number of ratings, clients, responses or answers: none may appear on the page.</summary>
    [GeneratedRegex("\\d+\\s+(ratings?|clients?|responses?|answers?|raters?|people)\\b", RegexOptions.IgnoreCase)]
    private static partial Regex CountOfPeople();
}
