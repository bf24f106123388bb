using System.Net;
using Microsoft.EntityFrameworkCore;
using Wellbeing.Infrastructure.Persistence.Providers;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Testing.Databases;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Databases;

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "PostgreSQL";
}

/// <summary>
/// The whole app on a real PostgreSQL server: its migrations, the demo seed, sign-in and the queries behind each
/// start page, where SQLite's forgiving typing could hide a provider-specific mistake.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class PostgresAppTests(PostgresCluster cluster) : IAsyncLifetime
{
    private WellbeingAppFactory _app = null!;

    public async Task InitializeAsync() =>
        _app = WellbeingAppFactory.ForDatabase(DatabaseProvider.Postgres, await cluster.CreateDatabaseAsync($"app_{Guid.NewGuid():N}"));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("client1@demo.wellbeing.test", "/dashboard", "Wellbeing Index")]
    [InlineData(DemoHub.FirstProfessional, "/clients", "Clients")]
    [InlineData(DemoHub.Administrator, "/admin", "Northwind Wellbeing Hub")]
    [InlineData(DemoHub.FirstProfessional, "/my-alliance", "The mean of ")]
    public async Task EachStartPage_RendersFromPostgres(string email, string path, string text)
    {
        var client = await BrowserlessClient.SignedInAsync(_app, email);

        var (status, body) = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(text, body);
    }

    [Fact]
    public async Task ClientSearch_IgnoresCase_OnPostgresToo()
    {
        var client = await BrowserlessClient.SignedInAsync(_app, DemoHub.FirstProfessional);

        var (_, lower) = await client.GetAsync("/clients?search=ada", htmx: true);
        var (_, upper) = await client.GetAsync("/clients?search=Ada", htmx: true);

        Assert.Equal(upper.Replace("\"Ada\"", "\"ada\""), lower);
    }

    [Fact]
    public async Task ClientSearch_IgnoresAccentsAndUnicodeForm_OnPostgresToo()
    {
        var professional = await BrowserlessClient.SignedInAsync(_app, DemoHub.FirstProfessional);
        foreach (var name in new[] { ClientSearch.Composed, ClientSearch.Decomposed })
        {
            var memberId = await _app.EnrolClientOfAsync(DemoHub.FirstProfessional, name);
            foreach (var query in ClientSearch.Queries)
            {
                Assert.True(await ClientSearch.FindsAsync(professional, query, memberId), $"\"{query}\" should find \"{name}\".");
            }
        }
    }

    /// <summary>The clients list checks the share grant inside its SQL: on PostgreSQL too, a revoked score is gone at once.</summary>
    [Fact]
    public async Task RevokingAShare_HidesTheScoreInTheClientsList_AtOnce_OnPostgresToo()
    {
        var email = DemoHub.Client(3);
        var (name, professionalId) = await _app.QueryAsync(async db => (
            await db.Members.Where(m => m.Email == email).Select(m => m.DisplayName).SingleAsync(),
            await db.Professionals.Where(p => p.Email == DemoHub.FirstProfessional).Select(p => p.Id).SingleAsync()));
        var client = await BrowserlessClient.SignedInAsync(_app, email);
        var professional = await BrowserlessClient.SignedInAsync(_app, DemoHub.FirstProfessional);
        var search = $"/clients?search={Uri.EscapeDataString(name)}";
        var (_, before) = await professional.GetAsync(search, htmx: true);

        var revoked = await client.PostFormAsync("/sharing", "/sharing", new Dictionary<string, string>
        {
            ["professionalId"] = professionalId.ToString(),
            ["measure"] = "Wellbeing",
            ["share"] = "false",
        });
        var (_, after) = await professional.GetAsync(search, htmx: true);

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Contains(name, after);
        Assert.Equal(UnknownScores(before) + 1, UnknownScores(after));
    }

    [Fact]
    public async Task ClientProfile_AndEndingASession_WorkOnPostgres()
    {
        var memberId = await _app.MemberIdAsync(DemoHub.Client(1));
        var client = await BrowserlessClient.SignedInAsync(_app, DemoHub.FirstProfessional);

        var started = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddHours(-1), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        var scheduled = await client.SubmitFormAsync($"/clients/{memberId}", $"/clients/{memberId}/sessions", new Dictionary<string, string> { ["Form.Date"] = $"{started:yyyy-MM-dd}", ["Form.Time"] = $"{started:HH:mm}" });
        var sessionId = await _app.QueryAsync(db => db.CareSessions.Where(s => s.MemberId == memberId && s.EndedAt == null).Select(s => s.Id).SingleAsync());
        var ended = await client.PostFormAsync($"/clients/{memberId}", $"/sessions/{sessionId}/end", new());
        var (status, body) = await client.GetAsync($"/clients/{memberId}");

        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("/ 100", body);
        Assert.Contains("Alliance survey sent, open until", body);
    }

    /// <summary>PostgreSQL runs the racing inserts truly in parallel; its unique index must still let only one through.</summary>
    [Fact]
    public async Task AllianceSurvey_SentThreeTimesAtOnce_IsSavedOnce()
    {
        var (statuses, saved) = await _app.PostSameAnswersAtOnceAsync(DemoHub.Client(13), times: 3);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(1, saved);
    }

    /// <summary>PostgreSQL runs the racing bookings truly in parallel; the pair's numbers must still come once each.</summary>
    [Fact]
    public async Task Schedule_FourFormsAtOnce_NumbersEachOnce_AndTheSameFormTwiceBooksOnce()
    {
        var (distinct, numbers, before) = await _app.ScheduleAtOnceAsync(DemoHub.Client(17), forms: 4, copies: 1);
        var (copies, once, beforeCopies) = await _app.ScheduleAtOnceAsync(DemoHub.Client(19), forms: 1, copies: 4);

        Assert.All(distinct.Concat(copies), s => Assert.Equal(HttpStatusCode.Redirect, s));
        Assert.Equal(Enumerable.Range(before + 1, 4), numbers);
        Assert.Equal([beforeCopies + 1], once);
    }

    /// <summary>
    /// The publication's grouped reads (each person's period sum and count, then groups by department, sums and first
    /// score; decimal sums; half-open UTC periods) give the same published figures on PostgreSQL as on SQLite for the
    /// same deterministic demo data: every published month, for the whole hub and two departments.
    /// </summary>
    [Fact]
    public async Task HrDashboard_PublishesTheSameFigures_AsOnSqlite()
    {
        using var sqlite = new WellbeingAppFactory();
        var pages = new List<List<string>>();
        foreach (var app in new[] { _app, sqlite })
        {
            var client = await BrowserlessClient.SignedInAsync(app, DemoHub.HrManager);
            var hubId = await app.HubIdAsync("northwind");
            var periods = (await app.QueryAsync(db => db.PeriodBlocks.Where(b => b.HubId == hubId).Select(b => b.PeriodKey).ToListAsync())).Order(StringComparer.Ordinal).ToList();
            var figures = new List<string>();
            foreach (var period in periods)
            {
                foreach (var department in new[] { string.Empty, "Sales", "Engineering" })
                {
                    var (status, body) = await client.GetAsync($"/hubs/{hubId}/hr?department={department}&period={period}");
                    Assert.Equal(HttpStatusCode.OK, status);
                    figures.Add($"{period} {department}: {string.Join(" ", Figures().Matches(body).Select(m => m.Value))}");
                }
            }

            pages.Add(figures);
        }

        Assert.True(pages[0].Count >= 2 * 3, "The demo hub publishes several closed months.");
        Assert.Contains(pages[0], page => page.Contains("class=\"figure\"", StringComparison.Ordinal));
        Assert.Equal(pages[1], pages[0]);
    }

    /// <summary>Cells of the clients list that show "?" for a score (not completed or not shared).</summary>
    private static int UnknownScores(string rows) => rows.Split("</span>?</td>").Length - 1;

    [System.Text.RegularExpressions.GeneratedRegex("<span class=\"(figure|suppressed|bracket)\">[^<]*</span>")]
    private static partial System.Text.RegularExpressions.Regex Figures();
}
