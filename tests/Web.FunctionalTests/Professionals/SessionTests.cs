using System.Net;
using Microsoft.EntityFrameworkCore;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Messaging;
using Wellbeing.Domain.Sessions;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Professionals;

/// <summary>Scheduling and ending sessions from the client profile, as forms without JavaScript.</summary>
public sealed class SessionTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Schedule_ReadsTheTimeInTheHubsZone_AndNumbersTheSession()
    {
        // Client 3 and pro1, in Northwind (Europe/London: GMT in December).
        var memberId = await app.Factory.MemberIdAsync(DemoHub.Client(3));
        var before = await SessionsAsync(memberId);
        var date = DateTime.UtcNow.AddDays(10);
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.FirstProfessional);

        var response = await client.SubmitFormAsync($"/clients/{memberId}", $"/clients/{memberId}/sessions", new Dictionary<string, string> { ["Form.Date"] = $"{date:yyyy-MM-dd}", ["Form.Time"] = "14:30" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/clients/{memberId}#sessions", response.Headers.Location?.OriginalString);
        var created = Assert.Single(await SessionsAsync(memberId), s => before.All(b => b.Id != s.Id));
        Assert.Equal(before.Count + 1, created.SequenceNumber);
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        Assert.Equal(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(date.Date.AddHours(14.5), DateTimeKind.Unspecified), london), created.ScheduledAt.UtcDateTime);
        Assert.Null(created.EndedAt);
    }

    [Fact]
    public async Task End_OpensTheAllianceInvitation_AndEndingTwiceChangesNothing()
    {
        var memberId = await app.Factory.MemberIdAsync(DemoHub.Client(1));
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.FirstProfessional);
        var scheduled = await client.SubmitFormAsync($"/clients/{memberId}", $"/clients/{memberId}/sessions", StartingIn(TimeSpan.FromHours(-1)));
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        var session = (await SessionsAsync(memberId)).Single(s => s.EndedAt is null);

        var first = await client.PostFormAsync($"/clients/{memberId}", $"/sessions/{session.Id}/end", new());
        var ended = await SessionAsync(session.Id);
        var second = await client.PostFormAsync($"/clients/{memberId}", $"/sessions/{session.Id}/end", new());
        var again = await SessionAsync(session.Id);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.NotNull(ended.EndedAt);
        Assert.Equal(LocalCalendar.AddDays(ended.EndedAt!.Value, 7, "Europe/London"), ended.InvitationExpiresAt);
        Assert.Equal(ended.EndedAt, again.EndedAt);
        Assert.Equal(ended.InvitationExpiresAt, again.InvitationExpiresAt);
        var (_, profile) = await client.GetAsync($"/clients/{memberId}");
        Assert.Contains("Alliance survey sent, open until", profile);
    }

    [Fact]
    public async Task End_OpeningAnInvitation_RecordsTheInvitationAndOneReminder_InTheSendingHours_Once()
    {
        var memberId = await app.Factory.MemberIdAsync(DemoHub.Client(21));
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.FirstProfessional);
        var session = await ScheduleOneAsync(client, memberId);

        await client.PostFormAsync($"/clients/{memberId}", $"/sessions/{session.Id}/end", new());
        var again = await client.PostFormAsync($"/clients/{memberId}", $"/sessions/{session.Id}/end", new());

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var ended = await SessionAsync(session.Id);
        var hub = await app.Factory.QueryAsync(db => db.Hubs.AsNoTracking().SingleAsync(h => h.Id == ended.HubId));
        var messages = await OutboxAsync(session.Id);
        Assert.Equal([MessageKind.AllianceInvitation, MessageKind.AllianceReminder], messages.Select(m => m.Kind));
        Assert.All(messages, m => Assert.Equal(memberId, m.MemberId));
        Assert.All(messages, m => Assert.Equal(m.NotBefore, SendingHours.NextAllowed(m.NotBefore, hub.TimeZoneId, hub.Settings.SendingHoursStart, hub.Settings.SendingHoursEnd)));
        Assert.InRange(messages[0].NotBefore, ended.EndedAt!.Value, ended.EndedAt.Value.AddDays(1));
        Assert.InRange(messages[1].NotBefore, messages[0].NotBefore, LocalCalendar.AddDays(ended.InvitationExpiresAt!.Value, -1, hub.TimeZoneId));
    }

    [Fact]
    public async Task End_ForAClientWhoTurnedRemindersOff_RecordsNoEmail_ButOpensTheSurvey()
    {
        var memberId = await app.Factory.MemberIdAsync(DemoHub.Client(23));
        var member = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.Client(23));
        Assert.Equal(HttpStatusCode.Redirect, (await member.PostFormAsync("/my-data", "/reminders", new() { ["topic"] = "AllianceSurvey", ["remind"] = "false" })).StatusCode);
        var professional = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.FirstProfessional);
        var session = await ScheduleOneAsync(professional, memberId);

        await professional.PostFormAsync($"/clients/{memberId}", $"/sessions/{session.Id}/end", new());

        Assert.NotNull((await SessionAsync(session.Id)).InvitationOpenedAt);
        Assert.Empty(await OutboxAsync(session.Id));
    }

    [Theory]
    [InlineData("", "10:00", "Enter the date of the session.")]
    [InlineData("2026-13-45", "10:00", "The value '2026-13-45' is not valid")]
    [InlineData("{future}", "", "Enter the time the session starts.")]
    [InlineData("{past}", "10:00", "Choose a date from 30 days ago up to a year from now.")]
    public async Task Schedule_WithBadInput_ExplainsNextToTheField_AndKeepsTheInput(string date, string time, string message)
    {
        var memberId = await app.Factory.MemberIdAsync(DemoHub.Client(15));
        var before = (await SessionsAsync(memberId)).Count;
        var typed = date.Replace("{future}", $"{DateTime.UtcNow.AddDays(3):yyyy-MM-dd}").Replace("{past}", $"{DateTime.UtcNow.AddDays(-90):yyyy-MM-dd}");
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.FirstProfessional);

        var response = await client.SubmitFormAsync($"/clients/{memberId}", $"/clients/{memberId}/sessions", new Dictionary<string, string> { ["Form.Date"] = typed, ["Form.Time"] = time });
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, body[body.IndexOf("id=\"date-error\"", StringComparison.Ordinal)..body.IndexOf("</fieldset>", StringComparison.Ordinal)]);
        if (time.Length > 0)
        {
            Assert.Contains($"value=\"{time}", body);
        }

        Assert.Equal(before, (await SessionsAsync(memberId)).Count);
    }

    [Fact]
    public async Task Schedule_AtATimeTheClocksSkip_IsRefusedWithAReason()
    {
        // Europe/London skips 01:00-02:00 on the last Sunday of March.
        var year = DateTime.UtcNow.Month >= 3 ? DateTime.UtcNow.Year + 1 : DateTime.UtcNow.Year;
        var lastSunday = Enumerable.Range(25, 7).Select(d => new DateOnly(year, 3, d)).Single(d => d.DayOfWeek == DayOfWeek.Sunday);
        var memberId = await app.Factory.MemberIdAsync(DemoHub.Client(15));
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.FirstProfessional);

        var response = await client.SubmitFormAsync($"/clients/{memberId}", $"/clients/{memberId}/sessions", new Dictionary<string, string> { ["Form.Date"] = $"{lastSunday:yyyy-MM-dd}", ["Form.Time"] = "01:30" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("the clocks go forward then", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Schedule_ForAnotherProfessionalsClient_IsNotFound()
    {
        var memberId = await app.Factory.MemberIdAsync(DemoHub.Client(4)); // pro2 only
        var before = (await SessionsAsync(memberId)).Count;
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.FirstProfessional);

        var response = await client.PostFormAsync("/clients", $"/clients/{memberId}/sessions", new() { ["Form.Date"] = $"{DateTime.UtcNow.AddDays(2):yyyy-MM-dd}", ["Form.Time"] = "10:00" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, (await SessionsAsync(memberId)).Count);
    }

    [Fact]
    public async Task End_AnotherProfessionalsSession_IsNotFound_AndLeavesItOpen()
    {
        // pro2's clients in Fabrikam: pro1 belongs neither to the pair nor to the hub.
        var memberId = await app.Factory.MemberIdAsync(DemoHub.OtherHubClient(2));
        var pro2 = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.SecondProfessional);
        await pro2.SubmitFormAsync($"/clients/{memberId}", $"/clients/{memberId}/sessions", new Dictionary<string, string> { ["Form.Date"] = $"{DateTime.UtcNow.AddDays(1):yyyy-MM-dd}", ["Form.Time"] = "10:00" });
        var session = (await SessionsAsync(memberId)).Single(s => s.EndedAt is null);
        var pro1 = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.FirstProfessional);

        var response = await pro1.PostFormAsync("/clients", $"/sessions/{session.Id}/end", new());
        var unknown = await pro1.PostFormAsync("/clients", $"/sessions/{Guid.NewGuid()}/end", new());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Null((await SessionAsync(session.Id)).EndedAt);
    }

    [Fact]
    public async Task End_ASessionThatStartsNextWeek_IsRefusedWithTheRule_AndLeavesItOpen()
    {
        var memberId = await app.Factory.MemberIdAsync(DemoHub.Client(9));
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.FirstProfessional);
        await client.SubmitFormAsync($"/clients/{memberId}", $"/clients/{memberId}/sessions", StartingIn(TimeSpan.FromDays(7)));
        var session = (await SessionsAsync(memberId)).Single(s => s.EndedAt is null);

        var response = await client.PostFormAsync($"/clients/{memberId}", $"/sessions/{session.Id}/end", new());
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The session was not marked as ended", body);
        Assert.Contains("it can be marked as ended from 15 minutes before it starts", body);
        Assert.Null((await SessionAsync(session.Id)).EndedAt);
    }

    [Fact]
    public async Task End_WithinFifteenMinutesOfTheStart_EndsTheSession()
    {
        var memberId = await app.Factory.MemberIdAsync(DemoHub.Client(10));
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.FirstProfessional);
        await client.SubmitFormAsync($"/clients/{memberId}", $"/clients/{memberId}/sessions", StartingIn(TimeSpan.FromMinutes(12)));
        var session = (await SessionsAsync(memberId)).Single(s => s.EndedAt is null);

        var response = await client.PostFormAsync($"/clients/{memberId}", $"/sessions/{session.Id}/end", new());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotNull((await SessionAsync(session.Id)).EndedAt);
    }

    [Fact]
    public async Task Schedule_TheSameFormTwice_BooksOneSession()
    {
        var memberId = await app.Factory.MemberIdAsync(DemoHub.Client(11));
        var before = (await SessionsAsync(memberId)).Count;
        var client = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.FirstProfessional);
        List<KeyValuePair<string, string>> form = [
            .. await client.HiddenFieldsAsync($"/clients/{memberId}", $"/clients/{memberId}/sessions"),
            new("Form.Date", $"{DateTime.UtcNow.AddDays(4):yyyy-MM-dd}"), new("Form.Time", "11:00")];

        var first = await client.Http.PostAsync($"/clients/{memberId}/sessions", new FormUrlEncodedContent(form));
        var second = await client.Http.PostAsync($"/clients/{memberId}/sessions", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(before + 1, (await SessionsAsync(memberId)).Count);
    }

    [Fact]
    public async Task Schedule_FourFormsAtOnce_BooksFour_NumberedOnceEach()
    {
        var (statuses, numbers, before) = await app.Factory.ScheduleAtOnceAsync(DemoHub.Client(17), forms: 4, copies: 1);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Redirect, s));
        Assert.Equal(Enumerable.Range(before + 1, 4), numbers);
    }

    [Fact]
    public async Task Schedule_TheSameFormFourTimesAtOnce_BooksOnce()
    {
        var (statuses, numbers, before) = await app.Factory.ScheduleAtOnceAsync(DemoHub.Client(19), forms: 1, copies: 4);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Redirect, s));
        Assert.Equal([before + 1], numbers);
    }

    /// <summary>The booking form's date and time for a start this far from now, in Northwind's zone (Europe/London).</summary>
    private static Dictionary<string, string> StartingIn(TimeSpan fromNow)
    {
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.Add(fromNow), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        return new() { ["Form.Date"] = $"{local:yyyy-MM-dd}", ["Form.Time"] = $"{local:HH:mm}" };
    }

    /// <summary>Books a session that started an hour ago, so it can be ended now.</summary>
    private async Task<CareSession> ScheduleOneAsync(BrowserlessClient professional, Guid memberId)
    {
        var scheduled = await professional.SubmitFormAsync($"/clients/{memberId}", $"/clients/{memberId}/sessions", StartingIn(TimeSpan.FromHours(-1)));
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        return (await SessionsAsync(memberId)).Single(s => s.EndedAt is null);
    }

    private Task<List<OutboxMessage>> OutboxAsync(Guid sessionId) =>
        app.Factory.QueryAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.CareSessionId == sessionId).OrderBy(m => m.Kind).ToListAsync());

    private Task<List<CareSession>> SessionsAsync(Guid memberId) =>
        app.Factory.QueryAsync(db => db.CareSessions.AsNoTracking().Where(s => s.MemberId == memberId).ToListAsync());

    private Task<CareSession> SessionAsync(Guid id) =>
        app.Factory.QueryAsync(db => db.CareSessions.AsNoTracking().SingleAsync(s => s.Id == id));
}
