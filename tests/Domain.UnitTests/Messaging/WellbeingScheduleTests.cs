using Wellbeing.Domain.Messaging;

namespace Wellbeing.Domain.UnitTests.Messaging;

/// <summary>The hub's cadence (14 days by default) in London's local calendar days; 2026's changes are 29 March and 25 October.</summary>
public class WellbeingScheduleTests
{
    private const string London = "Europe/London";
    private static readonly DateTimeOffset Enrolled = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void DueAt_NoIndexYet_IsTheEnrolment()
    {
        Assert.Equal(Enrolled, WellbeingSchedule.DueAt(null, Enrolled, 14, London));
        Assert.Equal(new DateOnly(2026, 1, 5), WellbeingSchedule.DueOn(null, Enrolled, 14, London));
    }

    [Fact]
    public void DueAt_CadenceDaysAfterTheLatest_IsTheSameWallClockTime()
    {
        var latest = new DateTimeOffset(2026, 6, 1, 9, 15, 0, TimeSpan.Zero);

        var due = WellbeingSchedule.DueAt(latest, Enrolled, 14, London);

        Assert.Equal(new DateTimeOffset(2026, 6, 15, 9, 15, 0, TimeSpan.Zero), due);
        Assert.Equal(new DateOnly(2026, 6, 15), WellbeingSchedule.DueOn(latest, Enrolled, 14, London));
    }

    [Fact]
    public void DueAt_FollowsTheHubsCadence()
    {
        var latest = new DateTimeOffset(2026, 6, 1, 9, 15, 0, TimeSpan.Zero);

        Assert.Equal(latest.AddDays(21), WellbeingSchedule.DueAt(latest, Enrolled, 21, London));
    }

    [Fact]
    public void DueAt_AcrossTheClocksGoingForward_KeepsTheWallClockTime()
    {
        // 10:00 GMT on 20 March, due 10:00 BST (09:00 UTC) on 3 April: 13 days and 23 hours later.
        var latest = new DateTimeOffset(2026, 3, 20, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 4, 3, 9, 0, 0, TimeSpan.Zero), WellbeingSchedule.DueAt(latest, Enrolled, 14, London));
    }

    [Fact]
    public void DueOn_AcrossTheClocksGoingBack_IsTheLocalDate()
    {
        // 23:30 UTC on 19 October is 00:30 BST on 20 October: due at 00:30 GMT on 3 November, where 14 x 24 hours
        // would give 23:30 UTC on 2 November.
        var latest = new DateTimeOffset(2026, 10, 19, 23, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 11, 3), WellbeingSchedule.DueOn(latest, Enrolled, 14, London));
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 0, 30, 0, TimeSpan.Zero), WellbeingSchedule.DueAt(latest, Enrolled, 14, London));
    }
}
