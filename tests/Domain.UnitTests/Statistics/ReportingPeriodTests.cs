using Wellbeing.Domain.Statistics;

namespace Wellbeing.Domain.UnitTests.Statistics;

/// <summary>Calendar months and quarters of the hub's wall clock, as the UTC intervals the database compares with.</summary>
public class ReportingPeriodTests
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Month_InUtc_RunsFromTheFirstToTheFirstOfTheNext()
    {
        var period = ReportingPeriod.Containing(Utc(2026, 5, 17, 12), ReportingPeriodLength.Month, "UTC");

        Assert.Equal(new ReportingPeriod("2026-05", Utc(2026, 5, 1), Utc(2026, 6, 1)), period);
    }

    [Theory]
    [InlineData(2, "2026-Q1", 1, 4)]
    [InlineData(5, "2026-Q2", 4, 7)]
    [InlineData(9, "2026-Q3", 7, 10)]
    public void Quarter_IsNamedByItsNumber_AndRunsThreeMonths(int month, string key, int firstMonth, int endMonth)
    {
        var period = ReportingPeriod.Containing(Utc(2026, month, 14), ReportingPeriodLength.Quarter, "UTC");

        Assert.Equal(new ReportingPeriod(key, Utc(2026, firstMonth, 1), Utc(2026, endMonth, 1)), period);
    }

    [Theory]
    [InlineData(ReportingPeriodLength.Month, "2026-12", 12)]
    [InlineData(ReportingPeriodLength.Quarter, "2026-Q4", 10)]
    public void LastPeriodOfTheYear_EndsOnTheFirstOfJanuary(ReportingPeriodLength length, string key, int firstMonth)
    {
        var period = ReportingPeriod.Containing(Utc(2026, 12, 31, 23, 59), length, "UTC");

        Assert.Equal(new ReportingPeriod(key, Utc(2026, firstMonth, 1), Utc(2027, 1, 1)), period);
    }

    [Fact]
    public void Month_FollowsTheHubsWallClock_NotUtc()
    {
        // 23:30 UTC on 30 April is already 00:30 on 1 May in London (summer time).
        var period = ReportingPeriod.Containing(Utc(2026, 4, 30, 23, 30), ReportingPeriodLength.Month, "Europe/London");

        Assert.Equal(new ReportingPeriod("2026-05", Utc(2026, 4, 30, 23), Utc(2026, 5, 31, 23)), period);
    }

    [Fact]
    public void Quarter_FollowsTheHubsWallClock_NotUtc()
    {
        var period = ReportingPeriod.Containing(Utc(2026, 6, 30, 23, 30), ReportingPeriodLength.Quarter, "Europe/London");

        Assert.Equal(new ReportingPeriod("2026-Q3", Utc(2026, 6, 30, 23), Utc(2026, 9, 30, 23)), period);
    }

    [Fact]
    public void MonthsWithAClockChange_AreAnHourShorterOrLongerInUtc()
    {
        var march = ReportingPeriod.Containing(Utc(2026, 3, 15), ReportingPeriodLength.Month, "Europe/London");
        var october = ReportingPeriod.Containing(Utc(2026, 10, 15), ReportingPeriodLength.Month, "Europe/London");

        // Summer time starts on 29 March and ends on 25 October 2026.
        Assert.Equal((Utc(2026, 3, 1), Utc(2026, 3, 31, 23)), (march.Start, march.End));
        Assert.Equal(TimeSpan.FromDays(31) - TimeSpan.FromHours(1), march.End - march.Start);
        Assert.Equal((Utc(2026, 9, 30, 23), Utc(2026, 11, 1)), (october.Start, october.End));
        Assert.Equal(TimeSpan.FromDays(31) + TimeSpan.FromHours(1), october.End - october.Start);
    }

    [Theory]
    [InlineData(ReportingPeriodLength.Month, "2023-10")]
    [InlineData(ReportingPeriodLength.Quarter, "2023-Q4")]
    public void PeriodWhoseMidnightIsSkipped_StartsAtTheFirstInstantAfterTheGap(ReportingPeriodLength length, string key)
    {
        // Paraguay's clocks went from 00:00 (UTC-4) straight to 01:00 (UTC-3) on 1 October 2023.
        var period = ReportingPeriod.Containing(Utc(2023, 10, 15), length, "America/Asuncion");
        var before = ReportingPeriod.Containing(Utc(2023, 9, 15), length, "America/Asuncion");

        Assert.Equal(key, period.Key);
        Assert.Equal(Utc(2023, 10, 1, 4), period.Start);
        Assert.Equal(period.Start, before.End);
        Assert.Equal(key, ReportingPeriod.Containing(period.Start, length, "America/Asuncion").Key);
        Assert.Equal(before.Key, ReportingPeriod.Containing(period.Start.AddTicks(-1), length, "America/Asuncion").Key);
    }

    [Fact]
    public void PeriodWhoseMidnightComesTwice_StartsAtTheFirstOne()
    {
        // Havana's clocks go back from 01:00 (UTC-4) to 00:00 (UTC-5) on 1 November 2026.
        var november = ReportingPeriod.Containing(Utc(2026, 11, 15), ReportingPeriodLength.Month, "America/Havana");
        var october = ReportingPeriod.Containing(Utc(2026, 10, 15), ReportingPeriodLength.Month, "America/Havana");

        Assert.Equal(Utc(2026, 11, 1, 4), november.Start);
        Assert.Equal(november.Start, october.End);
    }

    [Theory]
    [InlineData("Europe/London")]
    [InlineData("America/Asuncion")]
    [InlineData("America/Havana")]
    [InlineData("Pacific/Auckland")]
    public void ConsecutivePeriods_TileTime_WithoutGapOrOverlap(string zone)
    {
        var months = ReportingPeriod.ClosedSince(Utc(2023, 1, 10), Utc(2027, 1, 15), ReportingPeriodLength.Month, zone);

        Assert.Equal(48, months.Count);
        Assert.Equal(("2023-01", "2026-12"), (months[0].Key, months[^1].Key));
        Assert.All(months.Zip(months.Skip(1)), pair => Assert.Equal(pair.First.End, pair.Second.Start));
        Assert.All(months, m => Assert.Equal(m.Key, ReportingPeriod.Containing(m.Start, ReportingPeriodLength.Month, zone).Key));
    }

    [Fact]
    public void Period_IsClosed_OnlyOnceItsHourOfGraceHasPassed()
    {
        var april = ReportingPeriod.Containing(Utc(2026, 4, 10), ReportingPeriodLength.Month, "UTC");

        Assert.Equal(TimeSpan.FromHours(1), ReportingPeriod.Grace);
        Assert.False(april.IsClosedAt(april.End));
        Assert.False(april.IsClosedAt(april.End + ReportingPeriod.Grace - TimeSpan.FromTicks(1)));
        Assert.True(april.IsClosedAt(april.End + ReportingPeriod.Grace));
    }

    [Fact]
    public void ClosedSince_ListsEveryClosedPeriodFromTheOneContainingTheStart_OldestFirst()
    {
        var from = Utc(2026, 2, 20);

        var withinGrace = ReportingPeriod.ClosedSince(from, Utc(2026, 5, 1, 0, 59), ReportingPeriodLength.Month, "UTC");
        var afterGrace = ReportingPeriod.ClosedSince(from, Utc(2026, 5, 1, 1), ReportingPeriodLength.Month, "UTC");

        Assert.Equal(["2026-02", "2026-03"], withinGrace.Select(p => p.Key));
        Assert.Equal(["2026-02", "2026-03", "2026-04"], afterGrace.Select(p => p.Key));
    }

    [Fact]
    public void ClosedSince_IsEmpty_WhileTheFirstPeriodIsOpen()
    {
        Assert.Empty(ReportingPeriod.ClosedSince(Utc(2026, 4, 2), Utc(2026, 4, 30), ReportingPeriodLength.Month, "UTC"));
        Assert.Empty(ReportingPeriod.ClosedSince(Utc(2026, 4, 2), Utc(2026, 6, 30), ReportingPeriodLength.Quarter, "UTC"));
    }

    [Fact]
    public void ClosedSince_InQuarters_FollowsTheHubsZone()
    {
        var quarters = ReportingPeriod.ClosedSince(Utc(2026, 1, 5), Utc(2026, 10, 1), ReportingPeriodLength.Quarter, "Europe/London");

        // Q3 ends at 23:00 UTC on 30 September (midnight summer time), so its grace is over by 1 October 00:00 UTC.
        Assert.Equal(["2026-Q1", "2026-Q2", "2026-Q3"], quarters.Select(p => p.Key));
        Assert.Equal(Utc(2026, 9, 30, 23), quarters[^1].End);
    }

    [Theory]
    [InlineData(4, 5, true)] // the month itself
    [InlineData(1, 7, true)] // the quarter around it
    [InlineData(3, 4, false)] // the month before: ends as April starts
    [InlineData(5, 6, false)] // the month after: starts as April ends
    [InlineData(3, 5, true)] // March and April together
    public void Overlaps_TreatsPeriodsAsHalfOpen(int startMonth, int endMonth, bool overlaps)
    {
        var april = ReportingPeriod.Containing(Utc(2026, 4, 10), ReportingPeriodLength.Month, "UTC");

        Assert.Equal(overlaps, april.Overlaps(Utc(2026, startMonth, 1), Utc(2026, endMonth, 1)));
    }

    [Fact]
    public void UnknownLengthOrZone_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.Containing(Utc(2026, 4, 10), (ReportingPeriodLength)2, "UTC"));
        Assert.Throws<TimeZoneNotFoundException>(() => ReportingPeriod.Containing(Utc(2026, 4, 10), ReportingPeriodLength.Month, "Mars/Olympus_Mons"));
    }
}
