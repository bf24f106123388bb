using System.Net;
using Microsoft.Extensions.Time.Testing;
using Wellbeing.Domain.Messaging;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Messaging;

/// <summary>
/// The reminder job over a hub of its own (UTC, default rhythm: a 14-day cadence, the follow-up 3 days later, 08:00-20:00)
/// on an app whose clock stands at 10:00 UTC today; each test has its own app, since the clock only moves forward.
/// </summary>
public sealed class WellbeingReminderJobTests : IDisposable
{
    private static readonly DateTimeOffset Ten = new(DateTime.UtcNow.Date.AddHours(10), TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Ten);
    private readonly WellbeingAppFactory _app;

    public WellbeingReminderJobTests()
    {
        _app = new WellbeingAppFactory { Clock = _clock, DemoDataEnabled = false };
    }

    [Fact]
    public async Task Run_RemindsWhoseIndexIsFourteenDaysOld_AndWhoNeverAnswered_FollowingUpThreeDaysLater()
    {
        var hub = await HubScenario.CreateAsync(_app, "Reminders");
        var due = await hub.MemberWithAccountAsync(Ten.AddDays(-14));
        var notYet = await hub.MemberWithAccountAsync(Ten.AddDays(-14).AddMinutes(1));
        var never = await hub.MemberWithAccountAsync(null);

        await _app.RunReminderJobAsync();

        var reminded = await _app.OutboxOfAsync(due);
        Assert.Equal([MessageKind.WellbeingReminder, MessageKind.WellbeingFollowUp], reminded.Select(m => m.Kind));
        Assert.Equal([Ten, Ten.AddDays(3)], reminded.Select(m => m.NotBefore));
        Assert.All(reminded, m => Assert.Equal(DateOnly.FromDateTime(Ten.UtcDateTime), m.DueOn));
        Assert.Empty(await _app.OutboxOfAsync(notYet));
        Assert.Equal([MessageKind.WellbeingReminder, MessageKind.WellbeingFollowUp], (await _app.OutboxOfAsync(never)).Select(m => m.Kind));
    }

    [Fact]
    public async Task Run_LeavesOutWhoLeft_WhoHasNoAccount_AndWhoTurnedRemindersOff()
    {
        var hub = await HubScenario.CreateAsync(_app, "Reminders");
        var left = await hub.MemberWithAccountAsync(Ten.AddDays(-20));
        await hub.DeactivateAsync(left);
        var withoutAccount = (await hub.AddMembersAsync(null, 1, _ => [40], Ten.AddDays(-20)))[0];
        var optedOut = await hub.MemberWithAccountAsync(Ten.AddDays(-20));
        var client = await SignedInAsync(optedOut);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/my-data", "/reminders", new() { ["topic"] = "WellbeingIndex", ["remind"] = "false" })).StatusCode);

        await _app.RunReminderJobAsync();

        Assert.Empty(await _app.OutboxOfAsync(left));
        Assert.Empty(await _app.OutboxOfAsync(withoutAccount));
        Assert.Empty(await _app.OutboxOfAsync(optedOut));
    }

    [Fact]
    public async Task Run_FourTimesAtOnceAndAgain_RecordsEachMessageOnce()
    {
        var hub = await HubScenario.CreateAsync(_app, "Reminders");
        var members = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            members.Add(await hub.MemberWithAccountAsync(Ten.AddDays(-15 - i)));
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(_app.RunReminderJobAsync)));
        await _app.RunReminderJobAsync();

        foreach (var member in members)
        {
            Assert.Equal([MessageKind.WellbeingReminder, MessageKind.WellbeingFollowUp], (await _app.OutboxOfAsync(member)).Select(m => m.Kind));
        }
    }

    [Fact]
    public async Task Run_AtNight_RemindsAtEightInTheMorning()
    {
        _clock.SetUtcNow(Ten.AddHours(12));
        var hub = await HubScenario.CreateAsync(_app, "Reminders");
        var member = await hub.MemberWithAccountAsync(Ten.AddDays(-14));

        await _app.RunReminderJobAsync();

        Assert.Equal([Ten.AddHours(22), Ten.AddDays(3).AddHours(22)], (await _app.OutboxOfAsync(member)).Select(m => m.NotBefore));
    }

    [Fact]
    public async Task Run_AfterTheMemberAnswered_RemindsAgainOnlyWhenTheNextIndexIsDue()
    {
        var hub = await HubScenario.CreateAsync(_app, "Reminders");
        var member = await hub.MemberWithAccountAsync(Ten.AddDays(-14));
        await _app.RunReminderJobAsync();
        _clock.Advance(TimeSpan.FromHours(1));
        await hub.SubmitAsync(member, 60);

        _clock.Advance(TimeSpan.FromDays(13));
        await _app.RunReminderJobAsync();
        var meanwhile = await _app.OutboxOfAsync(member);
        _clock.Advance(TimeSpan.FromDays(1));
        await _app.RunReminderJobAsync();

        Assert.Equal(2, meanwhile.Count);
        var next = (await _app.OutboxOfAsync(member)).Except(meanwhile, new SameId()).ToList();
        Assert.Equal([MessageKind.WellbeingReminder, MessageKind.WellbeingFollowUp], next.Select(m => m.Kind));
        Assert.All(next, m => Assert.Equal(DateOnly.FromDateTime(Ten.AddDays(14).UtcDateTime), m.DueOn));
    }

    public void Dispose() => _app.Dispose();

    private async Task<BrowserlessClient> SignedInAsync(Guid memberId) =>
        await BrowserlessClient.SignedInAsync(_app, await _app.QueryAsync(db => Task.FromResult(db.Members.Single(m => m.Id == memberId).Email)));

    private sealed class SameId : IEqualityComparer<OutboxMessage>
    {
        public bool Equals(OutboxMessage? x, OutboxMessage? y) => x?.Id == y?.Id;

        public int GetHashCode(OutboxMessage obj) => obj.Id.GetHashCode();
    }
}
