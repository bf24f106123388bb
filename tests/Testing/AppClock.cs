using Microsoft.Extensions.Time.Testing;

namespace Wellbeing.Testing;

/// <summary>App clocks for tests that close a reporting period while they watch (see <c>WellbeingAppFactory.Clock</c>).</summary>
public static class AppClock
{
    /// <summary>
    /// The real time, or three hours later while a month began less than that ago: then, in UTC and in the demo hubs'
    /// European zones alike, the month before has closed, grace included, and start-up has published it.
    /// </summary>
    public static FakeTimeProvider StartingNow()
    {
        var now = DateTimeOffset.UtcNow;
        var monthStart = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        return new FakeTimeProvider(now - monthStart < TimeSpan.FromHours(3) ? now.AddHours(3) : now);
    }
}
