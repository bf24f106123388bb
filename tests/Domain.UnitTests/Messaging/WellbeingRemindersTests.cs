using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Messaging;
using Wellbeing.Domain.UnitTests.Builders;

namespace Wellbeing.Domain.UnitTests.Messaging;

/// <summary>A London hub with the default rhythm (follow-up after 3 days, 08:00-20:00) unless a test says otherwise.</summary>
public class WellbeingRemindersTests
{
    private const string London = "Europe/London";
    private static readonly Guid MemberId = Guid.NewGuid();
    private static readonly DateOnly DueOn = new(2026, 6, 15);

    private static Hub LondonHub(HubSettings? settings = null)
    {
        var hub = new Hub("Hub", "Employer", "hub", London, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        hub.ChangeSettings(settings ?? HubSettings.Defaults());
        return hub;
    }

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void For_DueInTheSendingHours_RemindsAtTheDueInstant_AndFollowsUpThreeDaysLater()
    {
        var due = Utc(6, 15, 9, 15);

        var messages = WellbeingReminders.For(MemberId, DueOn, due, LondonHub(), due);

        Assert.Equal([MessageKind.WellbeingReminder, MessageKind.WellbeingFollowUp], messages.Select(m => m.Kind));
        Assert.Equal([due, Utc(6, 18, 9, 15)], messages.Select(m => m.NotBefore));
        Assert.All(messages, m => Assert.Equal(DueOn, m.DueOn));
        Assert.All(messages, m => Assert.Equal(MemberId, m.MemberId));
    }

    [Fact]
    public void For_DueAtNight_RemindsAtEightTheNextMorning()
    {
        // 23:40 BST on 14 June.
        var due = Utc(6, 14, 22, 40);

        var messages = WellbeingReminders.For(MemberId, DueOn, due, LondonHub(), due);

        Assert.Equal([Utc(6, 15, 7, 0), Utc(6, 18, 7, 0)], messages.Select(m => m.NotBefore));
    }

    [Fact]
    public void For_RecordedBeforeTheDueInstant_WaitsForIt()
    {
        var due = Utc(6, 15, 9, 15);

        var messages = WellbeingReminders.For(MemberId, DueOn, due, LondonHub(), due.AddHours(-2));

        Assert.Equal(due, messages[0].NotBefore);
    }

    [Fact]
    public void For_OverdueForMonths_RemindsNow_AndFollowsUpDaysAfterNow()
    {
        var now = Utc(6, 15, 12, 0);

        var messages = WellbeingReminders.For(MemberId, new DateOnly(2026, 2, 1), Utc(2, 1, 9, 0), LondonHub(), now);

        Assert.Equal([now, Utc(6, 18, 12, 0)], messages.Select(m => m.NotBefore));
    }

    [Fact]
    public void For_FollowsTheHubsFollowUpDaysAndHours()
    {
        var settings = new HubSettingsBuilder().WithEmail(5, 2, new TimeOnly(9, 30), new TimeOnly(17, 0)).Build();
        var due = Utc(6, 15, 7, 0);

        var messages = WellbeingReminders.For(MemberId, DueOn, due, LondonHub(settings), due);

        // 08:00 BST is before 09:30: the reminder waits for it, the follow-up comes five local days after.
        Assert.Equal([Utc(6, 15, 8, 30), Utc(6, 20, 8, 30)], messages.Select(m => m.NotBefore));
    }

    [Fact]
    public void For_FollowUpAcrossTheClocksGoingBack_KeepsTheWallClockTime()
    {
        // 10:00 BST on Friday 23 October; the follow-up 10:00 GMT on Monday 26 October, 73 hours later.
        var due = Utc(10, 23, 9, 0);

        var messages = WellbeingReminders.For(MemberId, new DateOnly(2026, 10, 23), due, LondonHub(), due);

        Assert.Equal(Utc(10, 26, 10, 0), messages[1].NotBefore);
    }

    [Fact]
    public void For_FollowUpAcrossTheClocksGoingForward_KeepsTheWallClockTime()
    {
        // 19:30 GMT on Friday 27 March; the follow-up 19:30 BST on Monday 30 March, 71 hours later and still in the hours.
        var due = Utc(3, 27, 19, 30);

        var messages = WellbeingReminders.For(MemberId, new DateOnly(2026, 3, 27), due, LondonHub(), due);

        Assert.Equal(Utc(3, 30, 18, 30), messages[1].NotBefore);
    }

    [Fact]
    public void For_TheSameDueDateTwice_GivesTheSameKeys()
    {
        var due = Utc(6, 15, 9, 15);

        var first = WellbeingReminders.For(MemberId, DueOn, due, LondonHub(), due);
        var again = WellbeingReminders.For(MemberId, DueOn, due, LondonHub(), due.AddHours(1));

        Assert.Equal(first.Select(m => m.DeduplicationKey), again.Select(m => m.DeduplicationKey));
        Assert.NotEqual(first[0].DeduplicationKey, first[1].DeduplicationKey);
    }
}
