using Wellbeing.Domain.Common;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Messaging;
using Wellbeing.Domain.Sessions;
using Wellbeing.Domain.UnitTests.Builders;

namespace Wellbeing.Domain.UnitTests.Messaging;

/// <summary>London, 2026: the clocks go back on Sunday 25 October. Sending hours 08:00-20:00 unless a test says otherwise.</summary>
public class AllianceRemindersTests
{
    private const string London = "Europe/London";

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    /// <summary>Greenspace's defaults: the reminder 2 days after the invitation, expiry after 4.</summary>
    private static HubSettings Greenspace() => new HubSettingsBuilder().WithInvitationExpiryDays(4).WithEmail(3, 2, new TimeOnly(8, 0), new TimeOnly(20, 0)).Build();

    private static DateTimeOffset? ReminderAt(DateTimeOffset invitedAt, HubSettings settings) =>
        AllianceReminders.ReminderAt(invitedAt, LocalCalendar.AddDays(invitedAt, settings.InvitationExpiryDays, London), settings, London);

    [Fact]
    public void ReminderAt_Defaults_TwoLocalDaysAfterTheInvitation()
    {
        // Monday 15 June, 14:00 BST; open for 7 days.
        Assert.Equal(Utc(6, 17, 13, 0), ReminderAt(Utc(6, 15, 13, 0), HubSettings.Defaults()));
    }

    [Fact]
    public void ReminderAt_Greenspace_TwoDaysAfter_WhichIsTwoDaysBeforeExpiry()
    {
        // Invited 18:00 BST on Monday; the reminder at 18:00 on Wednesday, the survey closes 18:00 on Friday.
        Assert.Equal(Utc(6, 17, 17, 0), ReminderAt(Utc(6, 15, 17, 0), Greenspace()));
    }

    [Fact]
    public void ReminderAt_PlannedAtNight_WaitsForTheMorning_WhenThatIsStillADayBeforeExpiry()
    {
        // Invited 21:30 BST on Monday: Wednesday 21:30 is night, Thursday 08:00 is still before the limit (Thursday 21:30).
        Assert.Equal(Utc(6, 18, 7, 0), ReminderAt(Utc(6, 15, 20, 30), Greenspace()));
    }

    [Fact]
    public void ReminderAt_MorningPastTheLimit_GoesAtTheLastOpeningBeforeIt()
    {
        // Open for 2 days, reminder after 1: invited 21:30 BST on Monday, the limit is Tuesday 21:30. Tuesday 21:30 is night
        // and Wednesday 08:00 is past the limit, so Tuesday 08:00.
        var settings = new HubSettingsBuilder().WithInvitationExpiryDays(2).WithEmail(3, 1, new TimeOnly(8, 0), new TimeOnly(20, 0)).Build();

        Assert.Equal(Utc(6, 16, 7, 0), ReminderAt(Utc(6, 15, 20, 30), settings));
    }

    [Fact]
    public void ReminderAt_NoSendingHoursBetweenTheInvitationAndTheLimit_None()
    {
        // The hub shortened the survey to one day after setting the reminder: the limit is the invitation itself.
        var settings = new HubSettingsBuilder().WithEmail(3, 1, new TimeOnly(8, 0), new TimeOnly(20, 0)).WithInvitationExpiryDays(1).Build();

        Assert.Null(ReminderAt(Utc(6, 15, 9, 0), settings));
    }

    [Fact]
    public void ReminderAt_AcrossTheClocksGoingBack_KeepsTheWallClockTime()
    {
        // 14:00 BST on Friday 23 October; 14:00 GMT on Sunday 25 October, 49 hours later.
        Assert.Equal(Utc(10, 25, 14, 0), ReminderAt(Utc(10, 23, 13, 0), HubSettings.Defaults()));
    }

    [Fact]
    public void ReminderAt_AcrossTheClocksGoingForward_KeepsTheWallClockTime()
    {
        // 14:00 GMT on Friday 27 March; 14:00 BST on Sunday 29 March, 47 hours later.
        Assert.Equal(Utc(3, 29, 13, 0), ReminderAt(Utc(3, 27, 14, 0), HubSettings.Defaults()));
    }

    [Fact]
    public void For_AnInvitingSession_InvitesNow_AndRemindsOnce()
    {
        var (hub, session) = EndedSession(Utc(6, 15, 13, 0));

        var messages = AllianceReminders.For(session, hub, Utc(6, 15, 13, 0));

        Assert.Equal([MessageKind.AllianceInvitation, MessageKind.AllianceReminder], messages.Select(m => m.Kind));
        Assert.Equal([Utc(6, 15, 13, 0), Utc(6, 17, 13, 0)], messages.Select(m => m.NotBefore));
        Assert.All(messages, m => Assert.Equal(session.Id, m.CareSessionId));
        Assert.All(messages, m => Assert.Equal(session.MemberId, m.MemberId));
    }

    [Fact]
    public void For_ASessionEndedAtNight_InvitesInTheMorning()
    {
        // 22:30 BST.
        var (hub, session) = EndedSession(Utc(6, 15, 21, 30));

        var messages = AllianceReminders.For(session, hub, Utc(6, 15, 21, 30));

        Assert.Equal(Utc(6, 16, 7, 0), messages[0].NotBefore);
        Assert.Equal(Utc(6, 18, 7, 0), messages[1].NotBefore);
    }

    [Fact]
    public void For_ASessionThatInvitedNobody_IsRefused()
    {
        var hub = LondonHub(new HubSettingsBuilder().WithAllianceCadence(AllianceCadence.EverySecondSession).Build());
        var session = new CareSessionBuilder().Build();
        session.End(CareSessionBuilder.ScheduledAt.AddHours(1), hub.Settings, hub.TimeZoneId);

        Assert.Throws<DomainException>(() => AllianceReminders.For(session, hub, CareSessionBuilder.ScheduledAt.AddHours(1)));
    }

    private static Hub LondonHub(HubSettings settings)
    {
        var hub = new Hub("Hub", "Employer", "hub", London, Utc(1, 1, 0));
        hub.ChangeSettings(settings);
        return hub;
    }

    private static (Hub Hub, CareSession Session) EndedSession(DateTimeOffset endedAt)
    {
        var hub = LondonHub(HubSettings.Defaults());
        var session = new CareSession(hub.Id, Guid.NewGuid(), Guid.NewGuid(), endedAt.AddHours(-1), 1);
        Assert.True(session.End(endedAt, hub.Settings, hub.TimeZoneId));
        return (hub, session);
    }
}
