using Wellbeing.Domain.Hubs;

namespace Wellbeing.Domain.UnitTests.Builders;

/// <summary>Default hub settings with the one or two rules a test tunes, through the same validating methods a hub uses.</summary>
public sealed class HubSettingsBuilder
{
    private HubSettings _settings = HubSettings.Defaults();

    public HubSettingsBuilder WithAllianceCadence(AllianceCadence cadence)
    {
        _settings = _settings.WithCadences(_settings.ReminderCadenceDays, cadence, _settings.InvitationExpiryDays);
        return this;
    }

    public HubSettingsBuilder WithInvitationExpiryDays(int days)
    {
        _settings = _settings.WithCadences(_settings.ReminderCadenceDays, _settings.AllianceCadence, days);
        return this;
    }

    public HubSettingsBuilder WithBrackets(int poorUpTo, int moderateUpTo)
    {
        _settings = _settings.WithInterpretation(poorUpTo, moderateUpTo, _settings.TrendThreshold, _settings.AllianceLowThreshold, _settings.AllianceDropThreshold);
        return this;
    }

    public HubSettingsBuilder WithAllianceThresholds(decimal low, decimal drop)
    {
        _settings = _settings.WithInterpretation(_settings.PoorUpTo, _settings.ModerateUpTo, _settings.TrendThreshold, low, drop);
        return this;
    }

    public HubSettingsBuilder WithEmail(int followUpDays, int allianceReminderAfterDays, TimeOnly opens, TimeOnly closes)
    {
        _settings = _settings.WithEmail(followUpDays, allianceReminderAfterDays, opens, closes);
        return this;
    }

    public HubSettings Build() => _settings;
}
