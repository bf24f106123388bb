namespace Wellbeing.Domain.Aggregates;

/// <summary>A calendar month in the hub's time zone, as the UTC interval [Start, End) the database can compare with.</summary>
public sealed record ReportingMonth(string Key, DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>Every month from the one containing <paramref name="from"/> to the one containing <paramref name="to"/>.</summary>
    public static IReadOnlyList<ReportingMonth> Between(DateTimeOffset from, DateTimeOffset to, string timeZoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        var local = TimeZoneInfo.ConvertTime(from, zone);
        var last = TimeZoneInfo.ConvertTime(to, zone);
        var month = new DateTime(local.Year, local.Month, 1);
        var months = new List<ReportingMonth>();
        while (month <= new DateTime(last.Year, last.Month, 1))
        {
            var next = month.AddMonths(1);
            months.Add(new ReportingMonth($"{month:yyyy-MM}", StartOf(month, zone), StartOf(next, zone)));
            month = next;
        }

        return months;
    }

    private static DateTimeOffset StartOf(DateTime localMidnight, TimeZoneInfo zone) =>
        new(localMidnight, zone.GetUtcOffset(localMidnight));
}
