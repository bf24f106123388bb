using Wellbeing.Domain.Common;

namespace Wellbeing.Domain.Messaging;

/// <summary>
/// When e-mail may reach a member: within the hub's sending hours on the member's wall clock (the hub's IANA zone), so
/// that nobody is nudged about their wellbeing at night. Pure functions over UTC instants.
/// </summary>
public static class SendingHours
{
    /// <summary>
    /// <paramref name="instant"/> itself when its local time of day lies in [<paramref name="opens"/>,
    /// <paramref name="closes"/>); otherwise the next local <paramref name="opens"/> (later the same day when it is
    /// still early, else the next day), in UTC. Days are local calendar days, so the morning after a daylight-saving
    /// change is still <paramref name="opens"/> local time (<see cref="LocalCalendar"/>).
    /// </summary>
    public static DateTimeOffset NextAllowed(DateTimeOffset instant, string timeZoneId, TimeOnly opens, TimeOnly closes)
    {
        var zone = LocalCalendar.Zone(timeZoneId);
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var timeOfDay = TimeOnly.FromDateTime(local.DateTime);
        if (timeOfDay >= opens && timeOfDay < closes)
        {
            return instant;
        }

        var day = DateOnly.FromDateTime(local.DateTime);
        var openingDay = timeOfDay < opens ? day : day.AddDays(1);
        return LocalCalendar.At(openingDay, opens, timeZoneId);
    }
}
