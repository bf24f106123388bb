using Wellbeing.Domain.Messaging;

namespace Wellbeing.Domain.UnitTests.Messaging;

/// <summary>
/// 08:00-20:00 on the member's wall clock. 2026's daylight-saving changes: London 29 March and 25 October, New York
/// 8 March and 1 November, Sydney (southern hemisphere) 5 April back and 4 October forward.
/// </summary>
public class SendingHoursTests
{
    private static readonly TimeOnly Opens = new(8, 0);
    private static readonly TimeOnly Closes = new(20, 0);

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Europe/London", 6, 10, 7, 0)] // 08:00 BST, the opening minute itself
    [InlineData("Europe/London", 6, 10, 18, 59)] // 19:59 BST
    [InlineData("America/New_York", 6, 10, 23, 30)] // 19:30 EDT
    [InlineData("Asia/Tokyo", 6, 10, 0, 0)] // 09:00 JST
    [InlineData("Australia/Sydney", 6, 10, 9, 0)] // 19:00 AEST
    public void NextAllowed_InsideTheHoursOfTheZone_IsTheInstantItself(string zone, int month, int day, int hour, int minute)
    {
        var instant = Utc(month, day, hour, minute);

        Assert.Equal(instant, SendingHours.NextAllowed(instant, zone, Opens, Closes));
    }

    [Theory]
    [InlineData("Europe/London", 6, 10, 19, 0, 6, 11, 7, 0)] // 20:00 BST, closing: the next morning
    [InlineData("Europe/London", 6, 10, 5, 30, 6, 10, 7, 0)] // 06:30 BST: later the same morning
    [InlineData("America/New_York", 6, 11, 1, 0, 6, 11, 12, 0)] // 21:00 EDT on 10 June: 08:00 EDT on 11 June
    [InlineData("Asia/Tokyo", 6, 10, 12, 0, 6, 10, 23, 0)] // 21:00 JST on 10 June: 08:00 JST on 11 June
    [InlineData("Australia/Sydney", 6, 10, 15, 0, 6, 10, 22, 0)] // 01:00 AEST on 11 June: 08:00 AEST the same day
    public void NextAllowed_AtNightInTheZone_WaitsForItsMorning(string zone, int month, int day, int hour, int minute, int toMonth, int toDay, int toHour, int toMinute)
    {
        Assert.Equal(Utc(toMonth, toDay, toHour, toMinute), SendingHours.NextAllowed(Utc(month, day, hour, minute), zone, Opens, Closes));
    }

    [Theory]
    [InlineData("Europe/London", 3, 28, 21, 0, 3, 29, 7, 0)] // forward: 21:00 GMT, then 08:00 BST (07:00 UTC)
    [InlineData("Europe/London", 10, 24, 20, 0, 10, 25, 8, 0)] // back: 21:00 BST, then 08:00 GMT (08:00 UTC)
    [InlineData("America/New_York", 3, 8, 2, 0, 3, 8, 12, 0)] // forward: 21:00 EST on 7 March, then 08:00 EDT
    [InlineData("America/New_York", 11, 1, 1, 0, 11, 1, 13, 0)] // back: 21:00 EDT on 31 October, then 08:00 EST
    [InlineData("Australia/Sydney", 4, 4, 11, 0, 4, 4, 22, 0)] // back: 22:00 AEDT on 4 April, then 08:00 AEST on 5 April
    [InlineData("Australia/Sydney", 10, 3, 11, 0, 10, 3, 21, 0)] // forward: 21:00 AEST on 3 October, then 08:00 AEDT on 4 October
    public void NextAllowed_OverADaylightSavingChange_WaitsForEightOnTheNewWallClock(string zone, int month, int day, int hour, int minute, int toMonth, int toDay, int toHour, int toMinute)
    {
        Assert.Equal(Utc(toMonth, toDay, toHour, toMinute), SendingHours.NextAllowed(Utc(month, day, hour, minute), zone, Opens, Closes));
    }
}
