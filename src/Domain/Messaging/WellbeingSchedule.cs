using Wellbeing.Domain.Common;

namespace Wellbeing.Domain.Messaging;

/// <summary>
/// When a member's next Wellbeing Index falls due. The product asks for it "ideally every 2-3 weeks"; each hub sets the
/// cadence in days (<see cref="Hubs.HubSettings.ReminderCadenceDays"/>, default 14), counted as local calendar days.
/// </summary>
public static class WellbeingSchedule
{
    /// <summary>
    /// UTC instant the next index falls due: <paramref name="cadenceDays"/> local calendar days after the latest one, at
    /// the same wall-clock time (<see cref="LocalCalendar.AddDays"/>); a member with none yet is due from enrolment.
    /// </summary>
    public static DateTimeOffset DueAt(DateTimeOffset? latestSubmittedAt, DateTimeOffset enrolledAt, int cadenceDays, string timeZoneId) =>
        latestSubmittedAt is { } latest ? LocalCalendar.AddDays(latest, cadenceDays, timeZoneId) : enrolledAt;

    /// <summary>The local calendar date of <see cref="DueAt"/>: what names one reminder and its follow-up.</summary>
    public static DateOnly DueOn(DateTimeOffset? latestSubmittedAt, DateTimeOffset enrolledAt, int cadenceDays, string timeZoneId) =>
        LocalCalendar.DateOf(DueAt(latestSubmittedAt, enrolledAt, cadenceDays, timeZoneId), timeZoneId);
}
