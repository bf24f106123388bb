using Wellbeing.Domain.Common;

namespace Wellbeing.Domain.UnitTests.Common;

/// <summary>Europe/London in 2026: the clocks go forward on 29 March (01:00 GMT) and back on 25 October (01:00 GMT).</summary>
public class LocalCalendarTests
{
    private const string London = "Europe/London";

    [Fact]
    public void AddDays_FromLateEveningUtc_CountsFromTheLocalDate_AcrossTheClocksGoingBack()
    {
        // 23:30 UTC on 19 October is 00:30 on 20 October in London: fourteen days on is 3 November, not 2 November.
        var latest = new DateTimeOffset(2026, 10, 19, 23, 30, 0, TimeSpan.Zero);

        var due = LocalCalendar.AddDays(latest, 14, London);

        Assert.Equal(new DateTimeOffset(2026, 11, 3, 0, 30, 0, TimeSpan.Zero), due);
        Assert.Equal(new DateOnly(2026, 11, 3), LocalCalendar.DateOf(due, London));
        Assert.Equal(new DateOnly(2026, 10, 20), LocalCalendar.DateOf(latest, London));
    }

    [Fact]
    public void AddDays_KeepsTheWallClockTime_AcrossTheClocksGoingForward()
    {
        // 09:00 GMT on 20 March, 09:00 BST (08:00 UTC) a week later.
        var due = LocalCalendar.AddDays(new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.Zero), 7, London);

        Assert.Equal(new DateTimeOffset(2026, 3, 27, 9, 0, 0, TimeSpan.Zero), due);
        Assert.Equal(new DateTimeOffset(2026, 4, 3, 8, 0, 0, TimeSpan.Zero), LocalCalendar.AddDays(due, 7, London));
    }

    [Fact]
    public void AddDays_ToAWallTimeTheClocksSkip_MovesForwardByTheGap()
    {
        // 01:30 does not exist on 29 March: it reads as 02:30 BST, which is 01:30 UTC.
        var due = LocalCalendar.AddDays(new DateTimeOffset(2026, 3, 15, 1, 30, 0, TimeSpan.Zero), 14, London);

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void AddDays_ToAWallTimeThatHappensTwice_TakesTheFirst()
    {
        // 01:30 on 25 October happens at 00:30 UTC (BST) and again at 01:30 UTC (GMT).
        var due = LocalCalendar.AddDays(new DateTimeOffset(2026, 10, 11, 0, 30, 0, TimeSpan.Zero), 14, London);

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void AddDays_Backwards_CountsLocalDaysToo()
    {
        var earlier = LocalCalendar.AddDays(new DateTimeOffset(2026, 11, 3, 0, 30, 0, TimeSpan.Zero), -14, London);

        Assert.Equal(new DateTimeOffset(2026, 10, 19, 23, 30, 0, TimeSpan.Zero), earlier);
    }

    [Fact]
    public void UnknownZone_ReadsAsUtc()
    {
        var instant = new DateTimeOffset(2026, 10, 19, 23, 30, 0, TimeSpan.Zero);

        Assert.Equal(instant.AddDays(14), LocalCalendar.AddDays(instant, 14, "Nowhere/Atlantis"));
    }
}
