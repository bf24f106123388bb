namespace Wellbeing.Domain.Statistics;

/// <summary>How long a hub's reporting periods are: HR figures are published per closed period of this length.</summary>
public enum ReportingPeriodLength
{
    Month = 1,
    Quarter = 3,
}

/// <summary>
/// A calendar month or quarter in the hub's time zone, as the UTC interval [<see cref="Start"/>, <see cref="End"/>)
/// the database compares submission times with. <see cref="Key"/> names it: "2026-05" for a month, "2026-Q2" for a
/// quarter.
/// </summary>
public sealed record ReportingPeriod(string Key, DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>
    /// How long after a period's end its figures wait before they are computed, so that answers saved in the last
    /// moments (a request still in flight at midnight, a job server whose clock runs a little behind) are in.
    /// </summary>
    public static readonly TimeSpan Grace = TimeSpan.FromHours(1);

    /// <summary>Whether the period has ended and its grace has passed at <paramref name="now"/> (UTC).</summary>
    public bool IsClosedAt(DateTimeOffset now) => End + Grace <= now;

    public bool Overlaps(DateTimeOffset start, DateTimeOffset end) => Start < end && start < End;

    /// <summary>The period of the given length that contains <paramref name="instant"/> in the zone <paramref name="timeZoneId"/> (IANA).</summary>
    /// <exception cref="TimeZoneNotFoundException">The zone is unknown on this machine.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The length is neither a month nor a quarter.</exception>
    public static ReportingPeriod Containing(DateTimeOffset instant, ReportingPeriodLength length, string timeZoneId)
    {
        if (!Enum.IsDefined(length))
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "A reporting period is a month or a quarter.");
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var firstMonth = length == ReportingPeriodLength.Quarter ? ((local.Month - 1) / 3 * 3) + 1 : local.Month;
        var start = new DateTime(local.Year, firstMonth, 1);
        var end = start.AddMonths((int)length);
        var key = length == ReportingPeriodLength.Quarter ? $"{start:yyyy}-Q{((firstMonth - 1) / 3) + 1}" : $"{start:yyyy-MM}";
        return new ReportingPeriod(key, StartOf(start, zone), StartOf(end, zone));
    }

    /// <summary>
    /// Every period of the given length from the one containing <paramref name="from"/> onwards that is closed at
    /// <paramref name="now"/>, oldest first.
    /// </summary>
    public static IReadOnlyList<ReportingPeriod> ClosedSince(DateTimeOffset from, DateTimeOffset now, ReportingPeriodLength length, string timeZoneId)
    {
        var periods = new List<ReportingPeriod>();
        for (var period = Containing(from, length, timeZoneId); period.IsClosedAt(now); period = Containing(period.End, length, timeZoneId))
        {
            periods.Add(period);
        }

        return periods;
    }

    /// <summary>
    /// The first instant whose wall clock in the zone reads <paramref name="localMidnight"/> or later: local midnight;
    /// where the clocks skip midnight, the first instant after the gap; where midnight comes twice, the first of them.
    /// </summary>
    private static DateTimeOffset StartOf(DateTime localMidnight, TimeZoneInfo zone)
    {
        // Conversions from UTC follow the zone's transitions exactly, but .NET's conversion of a local time next to a
        // transition need not: it reads 00:00 on 1 October 2023 in Asuncion, which the clocks skipped, as valid and an
        // hour too early: the last hour of September went to October, and September's end, lying in September, kept
        // ClosedSince from ever moving on.
        // So midnight is tried with the offsets in force a day before and a day after, each checked from UTC.
        var asUtc = new DateTimeOffset(localMidnight, TimeSpan.Zero);
        return new[] { asUtc.AddDays(-1), asUtc.AddDays(1) }
            .Select(nearby => asUtc - zone.GetUtcOffset(nearby))
            .Where(candidate => TimeZoneInfo.ConvertTime(candidate, zone).DateTime >= localMidnight)
            .Min();
    }
}
