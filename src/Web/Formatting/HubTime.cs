using System.Globalization;

namespace Wellbeing.Web.Formatting;

/// <summary>Everything is stored in UTC; people read dates in their hub's time zone.</summary>
public static class HubTime
{
    public static DateTimeOffset InZone(this DateTimeOffset utc, string timeZoneId) =>
        TimeZoneInfo.ConvertTime(utc, TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? zone : TimeZoneInfo.Utc);

    public static string Date(this DateTimeOffset utc, string timeZoneId) =>
        utc.InZone(timeZoneId).ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// A date and time that says which clock it is on, since readers may sit in another zone than the hub: "3 Jul 2026,
    /// 13:00 London time (UTC+01:00)", or "3 Jul 2026, 13:00 UTC" for a hub on UTC. The place is the last part of the
    /// IANA zone id; the offset is the one in force at that instant (summer or winter time).
    /// </summary>
    public static string DateTime(this DateTimeOffset utc, string timeZoneId)
    {
        var local = utc.InZone(timeZoneId);
        var clock = local.ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);
        var place = timeZoneId[(timeZoneId.LastIndexOf('/') + 1)..].Replace('_', ' ');
        return place == "UTC" || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out _)
            ? $"{clock} UTC"
            : $"{clock} {place} time (UTC{local.ToString("zzz", CultureInfo.InvariantCulture)})";
    }
}
