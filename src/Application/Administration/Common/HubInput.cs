using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Statistics;

namespace Wellbeing.Application.Administration.Common;

/// <summary>A hub as an administrator types it: what people see of it and every setting.</summary>
/// <param name="TimeZoneId">An IANA zone name known to the server, e.g. Europe/London.</param>
public sealed record HubInput(string Name, string Organisation, string Slug, string TimeZoneId, HubSettingsInput Settings)
{
    /// <summary>A new hub: nothing typed yet (the zone included), with the product's default settings.</summary>
    public static HubInput Blank() => new(string.Empty, string.Empty, string.Empty, string.Empty, HubSettingsInput.From(HubSettings.Defaults()));
}

/// <summary>Every setting of <see cref="HubSettings"/> as typed; each is validated by the domain method that owns it.</summary>
/// <param name="ReminderCadenceDays">Days between Wellbeing Index reminders.</param>
/// <param name="WellbeingFollowUpDays">Days after a reminder before its one follow-up.</param>
/// <param name="SendingHoursStart">Local time (hub's zone) from which e-mail goes out.</param>
/// <param name="SendingHoursEnd">Local time until which e-mail goes out.</param>
/// <param name="InvitationExpiryDays">Days an alliance invitation stays open.</param>
/// <param name="AllianceReminderAfterDays">Days after an alliance invitation before its one reminder.</param>
/// <param name="PoorUpTo">Highest Wellbeing Index (0-100) still read as Poor.</param>
/// <param name="ModerateUpTo">Highest Wellbeing Index (0-100) still read as Moderate.</param>
/// <param name="TrendThreshold">Points of change (0-100 scale) that count as improving or declining.</param>
/// <param name="AllianceLowThreshold">Alliance score (1-7) below which a flag is raised.</param>
/// <param name="AllianceDropThreshold">Drop in alliance score (points on the 1-7 scale) that raises a flag.</param>
/// <param name="LowParticipationPercent">Participation (%) below which HR sees a warning.</param>
public sealed record HubSettingsInput(
    int K,
    int KDistribution,
    ReportingPeriodLength ReportingPeriod,
    int ReminderCadenceDays,
    int WellbeingFollowUpDays,
    TimeOnly SendingHoursStart,
    TimeOnly SendingHoursEnd,
    AllianceCadence AllianceCadence,
    int InvitationExpiryDays,
    int AllianceReminderAfterDays,
    int PoorUpTo,
    int ModerateUpTo,
    int TrendThreshold,
    decimal AllianceLowThreshold,
    decimal AllianceDropThreshold,
    int LowParticipationPercent)
{
    public static HubSettingsInput From(HubSettings settings) => new(
        settings.K,
        settings.KDistribution,
        settings.ReportingPeriod,
        settings.ReminderCadenceDays,
        settings.WellbeingFollowUpDays,
        settings.SendingHoursStart,
        settings.SendingHoursEnd,
        settings.AllianceCadence,
        settings.InvitationExpiryDays,
        settings.AllianceReminderAfterDays,
        settings.PoorUpTo,
        settings.ModerateUpTo,
        settings.TrendThreshold,
        settings.AllianceLowThreshold,
        settings.AllianceDropThreshold,
        settings.LowParticipationPercent);

    /// <summary>
    /// The settings typed, or null when a group of them broke its rule; then <paramref name="errors"/> has one message
    /// per broken group, so the form shows every problem at once rather than one per attempt. The e-mail rhythm is
    /// checked against the cadences typed, so it is checked only when those were valid.
    /// </summary>
    public HubSettings? Validate(List<HubFieldError> errors)
    {
        var settings = HubSettings.Defaults();
        var valid = true;
        bool Apply(Func<HubSettings, HubSettings> change)
        {
            try
            {
                settings = change(settings);
                return true;
            }
            catch (HubFieldException refused)
            {
                errors.Add(refused.Error);
                valid = false;
                return false;
            }
        }

        Apply(s => s.WithPrivacy(K, KDistribution));
        Apply(s => s.WithReportingPeriod(ReportingPeriod));
        Apply(s => s.WithInterpretation(PoorUpTo, ModerateUpTo, TrendThreshold, AllianceLowThreshold, AllianceDropThreshold));
        Apply(s => s.WithLowParticipationPercent(LowParticipationPercent));
        if (Apply(s => s.WithCadences(ReminderCadenceDays, AllianceCadence, InvitationExpiryDays)))
        {
            Apply(s => s.WithEmail(WellbeingFollowUpDays, AllianceReminderAfterDays, SendingHoursStart, SendingHoursEnd));
        }

        return valid ? settings : null;
    }
}

/// <summary>The checks of a hub's name, organisation, short name and zone shared by creating and editing it.</summary>
internal static class HubIdentity
{
    /// <summary>
    /// Runs <paramref name="describe"/> (the hub's constructor, or <see cref="Hub.Describe"/> on a stored hub) and then
    /// checks that no other hub has the short name (links name hubs by it); a broken rule is added to
    /// <paramref name="errors"/>.
    /// </summary>
    /// <returns>The hub described, or null when its own rules refused the input.</returns>
    public static async Task<Hub?> DescribeAsync(Func<Hub> describe, IRepository<Hub> hubs, List<HubFieldError> errors, CancellationToken cancellationToken)
    {
        Hub hub;
        try
        {
            hub = describe();
        }
        catch (HubFieldException refused)
        {
            errors.Add(refused.Error);
            return null;
        }

        if (await hubs.AnyAsync(new OtherHubWithSlugSpec(hub.Slug, hub.Id), cancellationToken))
        {
            errors.Add(SlugTaken(hub.Slug));
        }

        return hub;
    }

    /// <summary>The short name's message when another hub has it (found before the save, or refused by its unique index).</summary>
    public static HubFieldError SlugTaken(string slug) => new(HubField.Slug, $"Another hub already uses the short name {slug}.");
}
