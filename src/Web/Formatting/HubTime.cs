using System.Globalization;

namespace Wellbeing.Web.Formatting;

/// <summary>Everything is stored in UTC; people read dates in their hub's time zone.</summary>
public static class HubTime
{
    public static DateTimeOffset InZone(this DateTimeOffset utc, string timeZoneId) =>
        TimeZoneInfo.ConvertTime(utc, TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? zone : TimeZoneInfo.Utc);

    public static string Date(this DateTimeOffset utc, string timeZoneId) =>
        utc.InZone(timeZoneId).ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string DateTime(this DateTimeOffset utc, string timeZoneId) =>
        utc.InZone(timeZoneId).ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);
}
