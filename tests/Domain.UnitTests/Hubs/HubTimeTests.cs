using Wellbeing.Domain.Common;
using Wellbeing.Domain.Hubs;

namespace Wellbeing.Domain.UnitTests.Hubs;

/// <summary>A time typed by a professional means the wall clock of the client's hub, summer time included.</summary>
public class HubTimeTests
{
    private static readonly Hub London = new("Northwind", "Northwind Traders", "northwind", "Europe/London", DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData(2027, 1, 15, 14, 30, 14)] // GMT
    [InlineData(2027, 7, 15, 14, 30, 13)] // BST, an hour ahead of UTC
    public void ToUtc_ReadsTheWallClockOfTheHub(int year, int month, int day, int hour, int minute, int utcHour)
    {
        var utc = London.ToUtc(new DateTime(year, month, day, hour, minute, 0));

        Assert.Equal(new DateTimeOffset(year, month, day, utcHour, minute, 0, TimeSpan.Zero), utc);
    }

    [Fact]
    public void ToUtc_RefusesATimeTheClocksSkip()
    {
        var refusal = Assert.Throws<DomainException>(() => London.ToUtc(new DateTime(2027, 3, 28, 1, 30, 0)));

        Assert.Contains("the clocks go forward", refusal.Message);
    }
}
