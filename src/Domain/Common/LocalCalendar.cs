namespace Wellbeing.Domain.Common;

/// <summary>
/// Days as a hub's people count them: "in 14 days" means 14 calendar days on their own wall calendar, the same
/// wall-clock time, whatever the UTC offset does in between (a daylight-saving change makes one of those days 23 or 25
/// hours long). Everything is stored in UTC; these functions only move through the hub's IANA time zone.
/// </summary>
public static class LocalCalendar
{
    /// <summary>
    /// Clocks never skip more than this (today's gaps are 30 minutes to an hour), so this long before a skipped wall
    /// time the offset from before the change is in force.
    /// </summary>
    private const int SkippedHoursAtMost = 3;

    /// <summary>The hub's zone; an id this machine does not know reads as UTC rather than failing a page.</summary>
    public static TimeZoneInfo Zone(string timeZoneId) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The calendar date <paramref name="instant"/> falls on in the zone.</summary>
    public static DateOnly DateOf(DateTimeOffset instant, string timeZoneId) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone(timeZoneId)).DateTime);

    /// <summary>
    /// The instant <paramref name="days"/> local calendar days after <paramref name="instant"/> (negative: before), at
    /// the same wall-clock time. A wall time the clocks skip on the target day moves forward by the gap (01:30 on
    /// the morning the clocks go forward reads as 02:30 summer time); a wall time that happens twice reads as the first (the larger offset).
    /// </summary>
    public static DateTimeOffset AddDays(DateTimeOffset instant, int days, string timeZoneId)
    {
        var wall = TimeZoneInfo.ConvertTime(instant, Zone(timeZoneId)).DateTime.AddDays(days);
        return FromWallClock(wall, timeZoneId);
    }

    /// <summary>
    /// The instant the zone's wall clocks show <paramref name="time"/> on <paramref name="date"/>, with the same reading
    /// of skipped and repeated wall times as <see cref="AddDays"/>.
    /// </summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time, string timeZoneId) =>
        FromWallClock(date.ToDateTime(time), timeZoneId);

    private static DateTimeOffset FromWallClock(DateTime wall, string timeZoneId)
    {
        var zone = Zone(timeZoneId);
        var offset = zone.IsAmbiguousTime(wall) ? zone.GetAmbiguousTimeOffsets(wall).Max()
            : zone.IsInvalidTime(wall) ? zone.GetUtcOffset(wall.AddHours(-SkippedHoursAtMost))
            : zone.GetUtcOffset(wall);
        return new DateTimeOffset(DateTime.SpecifyKind(wall, DateTimeKind.Unspecified), offset).ToUniversalTime();
    }
}
