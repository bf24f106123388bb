using System.Globalization;

namespace Wellbeing.Domain.Hubs;

/// <summary>A hub's fields at one moment: taken before a change, so that the change can be described afterwards.</summary>
public sealed record HubSnapshot(string Name, string Organisation, string Slug, string TimeZoneId, HubSettings Settings)
{
    public static HubSnapshot Of(Hub hub) => new(hub.Name, hub.Organisation, hub.Slug, hub.TimeZoneId, hub.Settings);
}

/// <summary>What an administrator changed in a hub, as the audit log's HubSettingsChanged entry records it.</summary>
public static class HubChanges
{
    /// <summary>Said of a save that changed nothing (the form sent back as it was drawn).</summary>
    public const string Nothing = "nothing changed";

    // Every field of the form, in its order; a test checks that none is missing.
    private static readonly (HubField Field, Func<HubSnapshot, object> Read)[] Fields =
    [
        (HubField.Name, h => h.Name),
        (HubField.Organisation, h => h.Organisation),
        (HubField.Slug, h => h.Slug),
        (HubField.TimeZoneId, h => h.TimeZoneId),
        (HubField.K, h => h.Settings.K),
        (HubField.KDistribution, h => h.Settings.KDistribution),
        (HubField.ReportingPeriod, h => h.Settings.ReportingPeriod),
        (HubField.ReminderCadenceDays, h => h.Settings.ReminderCadenceDays),
        (HubField.WellbeingFollowUpDays, h => h.Settings.WellbeingFollowUpDays),
        (HubField.SendingHoursStart, h => h.Settings.SendingHoursStart),
        (HubField.SendingHoursEnd, h => h.Settings.SendingHoursEnd),
        (HubField.AllianceCadence, h => h.Settings.AllianceCadence),
        (HubField.InvitationExpiryDays, h => h.Settings.InvitationExpiryDays),
        (HubField.AllianceReminderAfterDays, h => h.Settings.AllianceReminderAfterDays),
        (HubField.PoorUpTo, h => h.Settings.PoorUpTo),
        (HubField.ModerateUpTo, h => h.Settings.ModerateUpTo),
        (HubField.TrendThreshold, h => h.Settings.TrendThreshold),
        (HubField.AllianceLowThreshold, h => h.Settings.AllianceLowThreshold),
        (HubField.AllianceDropThreshold, h => h.Settings.AllianceDropThreshold),
        (HubField.LowParticipationPercent, h => h.Settings.LowParticipationPercent),
    ];

    /// <summary>
    /// Free text an administrator typed, which may name someone (a hub run for one practice): the log says that it
    /// changed, not what it says.
    /// </summary>
    private static readonly HashSet<HubField> Names = [HubField.Name, HubField.Organisation, HubField.Slug];

    /// <summary>The fields <see cref="Describe"/> knows, in the form's order.</summary>
    public static IReadOnlyList<HubField> Described { get; } = [.. Fields.Select(f => f.Field)];

    /// <summary>
    /// The fields that differ, in the form's order, e.g. <c>Name changed; K 5 → 3; SendingHoursEnd 20:00 → 21:00</c>:
    /// each setting with its old and new value in the form's units (people, days, points, per cent; times of day
    /// as HH:mm in the hub's zone; choices by name; decimals compared by value, so 4.00 read back and 4 typed are the
    /// same); name, organisation and short name only as "changed". <see cref="Nothing"/> when no field differs. At
    /// most about 700 characters (every field changed, the longest zone names), within AuditEntry.MaxDetailLength.
    /// </summary>
    public static string Describe(HubSnapshot before, HubSnapshot after)
    {
        var changes = Fields
            .Select(f => (f.Field, Old: f.Read(before), New: f.Read(after)))
            .Where(f => !Equals(f.Old, f.New))
            .Select(f => Names.Contains(f.Field) ? $"{f.Field} changed" : $"{f.Field} {Format(f.Old)} → {Format(f.New)}")
            .ToList();
        return changes.Count == 0 ? Nothing : string.Join("; ", changes);
    }

    private static string Format(object value) => value switch
    {
        decimal number => number.ToString("0.##", CultureInfo.InvariantCulture),
        TimeOnly time => time.ToString("HH:mm", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
