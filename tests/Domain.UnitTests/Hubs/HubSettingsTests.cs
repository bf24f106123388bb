using Wellbeing.Domain.Hubs;

namespace Wellbeing.Domain.UnitTests.Hubs;

public class HubSettingsTests
{
    private readonly HubSettings _defaults = HubSettings.Defaults();

    [Fact]
    public void Defaults_FollowTheSpecification()
    {
        Assert.Equal(5, _defaults.K);
        Assert.Equal(10, _defaults.KDistribution);
        Assert.Equal(14, _defaults.ReminderCadenceDays);
        Assert.Equal(AllianceCadence.EverySession, _defaults.AllianceCadence);
        Assert.Equal(7, _defaults.InvitationExpiryDays);
        Assert.Equal(28, _defaults.PoorUpTo);
        Assert.Equal(50, _defaults.ModerateUpTo);
        Assert.Equal(10, _defaults.TrendThreshold);
        Assert.Equal(4.0m, _defaults.AllianceLowThreshold);
        Assert.Equal(1.0m, _defaults.AllianceDropThreshold);
        Assert.Equal(60, _defaults.LowParticipationPercent);
    }

    [Fact]
    public void KOfThree_IsTheSmallestAllowed()
    {
        var settings = _defaults.WithPrivacy(k: 3, kDistribution: 3);

        Assert.Equal(3, settings.K);
        Assert.Equal(3, settings.KDistribution);
    }

    [Fact]
    public void KBelowThree_IsRejected()
    {
        var refused = Assert.Throws<HubFieldException>(() => _defaults.WithPrivacy(k: 2, kDistribution: 10));

        Assert.Equal(HubField.K, refused.Field);
    }

    [Fact]
    public void KDistributionBelowK_IsRejected()
    {
        var refused = Assert.Throws<HubFieldException>(() => _defaults.WithPrivacy(k: 8, kDistribution: 7));

        Assert.Equal(HubField.KDistribution, refused.Field);
    }

    [Fact]
    public void TheLargestKAndKDist_AreAllowed()
    {
        var settings = _defaults.WithPrivacy(HubSettings.MaximumK, HubSettings.MaximumKDistribution);

        Assert.Equal((20, 40), (settings.K, settings.KDistribution));
    }

    [Theory]
    [InlineData(21, 40, HubField.K)]
    [InlineData(500, 500, HubField.K)]
    [InlineData(20, 41, HubField.KDistribution)]
    [InlineData(5, int.MaxValue, HubField.KDistribution)]
    public void KOrKDistAboveTheirRange_IsRejected_NamingTheField(int k, int kDistribution, HubField field)
    {
        var refused = Assert.Throws<HubFieldException>(() => _defaults.WithPrivacy(k, kDistribution));

        Assert.Equal(field, refused.Field);
    }

    [Fact]
    public void WithPrivacy_ReturnsACopy_AndLeavesTheOriginalAlone()
    {
        var changed = _defaults.WithPrivacy(k: 7, kDistribution: 12);

        Assert.Equal((7, 12), (changed.K, changed.KDistribution));
        Assert.Equal((5, 10), (_defaults.K, _defaults.KDistribution));
        Assert.Equal(_defaults.PoorUpTo, changed.PoorUpTo);
    }

    [Theory]
    [InlineData(6, AllianceCadence.EverySession, 7, HubField.ReminderCadenceDays)]
    [InlineData(91, AllianceCadence.EverySession, 7, HubField.ReminderCadenceDays)]
    [InlineData(14, (AllianceCadence)4, 7, HubField.AllianceCadence)]
    [InlineData(14, AllianceCadence.EverySession, 0, HubField.InvitationExpiryDays)]
    [InlineData(14, AllianceCadence.EverySession, 31, HubField.InvitationExpiryDays)]
    public void WithCadences_RejectsValuesOutsideTheirLimits(int reminderDays, AllianceCadence cadence, int expiryDays, HubField field)
    {
        var refused = Assert.Throws<HubFieldException>(() => _defaults.WithCadences(reminderDays, cadence, expiryDays));

        Assert.Equal(field, refused.Field);
    }

    [Fact]
    public void WithCadences_ReturnsACopy_AndLeavesTheOriginalAlone()
    {
        var changed = _defaults.WithCadences(30, AllianceCadence.EveryThirdSession, 3);

        Assert.Equal((30, AllianceCadence.EveryThirdSession, 3), (changed.ReminderCadenceDays, changed.AllianceCadence, changed.InvitationExpiryDays));
        Assert.Equal((14, AllianceCadence.EverySession, 7), (_defaults.ReminderCadenceDays, _defaults.AllianceCadence, _defaults.InvitationExpiryDays));
    }

    [Theory]
    [InlineData(-1, 50, 10, 4.0, 1.0, HubField.PoorUpTo)]
    [InlineData(50, 50, 10, 4.0, 1.0, HubField.ModerateUpTo)]
    [InlineData(28, 100, 10, 4.0, 1.0, HubField.ModerateUpTo)]
    [InlineData(28, 50, 0, 4.0, 1.0, HubField.TrendThreshold)]
    [InlineData(28, 50, 101, 4.0, 1.0, HubField.TrendThreshold)]
    [InlineData(28, 50, 10, 0.99, 1.0, HubField.AllianceLowThreshold)]
    [InlineData(28, 50, 10, 7.01, 1.0, HubField.AllianceLowThreshold)]
    [InlineData(28, 50, 10, 4.0, 0, HubField.AllianceDropThreshold)]
    [InlineData(28, 50, 10, 4.0, 6.01, HubField.AllianceDropThreshold)]
    public void WithInterpretation_RejectsValuesOutsideTheirLimits(int poorUpTo, int moderateUpTo, int trend, double low, double drop, HubField field)
    {
        var refused = Assert.Throws<HubFieldException>(() => _defaults.WithInterpretation(poorUpTo, moderateUpTo, trend, (decimal)low, (decimal)drop));

        Assert.Equal(field, refused.Field);
    }

    [Fact]
    public void WithInterpretation_ReturnsACopy_AndLeavesTheOriginalAlone()
    {
        var changed = _defaults.WithInterpretation(30, 60, 24, 5.0m, 0.5m);

        Assert.Equal((30, 60, 24, 5.0m, 0.5m), (changed.PoorUpTo, changed.ModerateUpTo, changed.TrendThreshold, changed.AllianceLowThreshold, changed.AllianceDropThreshold));
        Assert.Equal((28, 50, 10, 4.0m, 1.0m), (_defaults.PoorUpTo, _defaults.ModerateUpTo, _defaults.TrendThreshold, _defaults.AllianceLowThreshold, _defaults.AllianceDropThreshold));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void LowParticipationPercentOutsideOneToHundred_IsRejected(int percent)
    {
        Assert.Throws<HubFieldException>(() => _defaults.WithLowParticipationPercent(percent));
    }

    [Fact]
    public void WithLowParticipationPercent_ReturnsACopy_AndLeavesTheOriginalAlone()
    {
        var changed = _defaults.WithLowParticipationPercent(75);

        Assert.Equal(75, changed.LowParticipationPercent);
        Assert.Equal(60, _defaults.LowParticipationPercent);
    }
}
