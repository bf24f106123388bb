using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Interpretation;
using Wellbeing.Domain.UnitTests.Builders;

namespace Wellbeing.Domain.UnitTests.Interpretation;

public class FlagTests
{
    private readonly HubSettings _defaults = HubSettings.Defaults();

    [Fact]
    public void WellbeingOf28_FlagsPossibleDepression()
    {
        Assert.Equal([Flag.PossibleDepression], Flags.ForWellbeing(28m));
    }

    [Fact]
    public void WellbeingOf0_FlagsPossibleDepression()
    {
        Assert.Equal([Flag.PossibleDepression], Flags.ForWellbeing(0m));
    }

    [Fact]
    public void WellbeingOf29_FlagsNothing()
    {
        Assert.Empty(Flags.ForWellbeing(29m));
    }

    [Fact]
    public void NoWellbeingScore_FlagsNothing()
    {
        Assert.Empty(Flags.ForWellbeing(null));
    }

    [Fact]
    public void AllianceJustBelowTheLowThreshold_FlagsAllianceLow()
    {
        Assert.Equal([Flag.AllianceLow], Flags.ForAlliance(3.99m, previousMean: null, _defaults));
    }

    [Fact]
    public void AllianceExactlyAtTheLowThreshold_FlagsNothing()
    {
        Assert.Empty(Flags.ForAlliance(4.0m, previousMean: null, _defaults));
    }

    [Fact]
    public void AllianceDropOfExactlyOne_FlagsAllianceDropped()
    {
        Assert.Equal([Flag.AllianceDropped], Flags.ForAlliance(5.0m, previousMean: 6.0m, _defaults));
    }

    [Fact]
    public void AllianceDropOf0_99_FlagsNothing()
    {
        Assert.Empty(Flags.ForAlliance(5.01m, previousMean: 6.0m, _defaults));
    }

    [Fact]
    public void AllianceRise_FlagsNothing()
    {
        Assert.Empty(Flags.ForAlliance(6.0m, previousMean: 4.0m, _defaults));
    }

    [Fact]
    public void FirstAllianceSubmission_CannotHaveDropped()
    {
        Assert.DoesNotContain(Flag.AllianceDropped, Flags.ForAlliance(1.0m, previousMean: null, _defaults));
    }

    [Fact]
    public void LowAndDroppedAlliance_FlagsBoth()
    {
        Assert.Equal([Flag.AllianceLow, Flag.AllianceDropped], Flags.ForAlliance(3.0m, previousMean: 5.0m, _defaults));
    }

    [Fact]
    public void NoAllianceScore_FlagsNothing()
    {
        Assert.Empty(Flags.ForAlliance(null, previousMean: 6.0m, _defaults));
    }

    [Fact]
    public void HubTunedAllianceThresholds_AreUsed()
    {
        var settings = new HubSettingsBuilder().WithAllianceThresholds(low: 5.0m, drop: 0.5m).Build();

        Assert.Equal([Flag.AllianceLow, Flag.AllianceDropped], Flags.ForAlliance(4.5m, previousMean: 5.0m, settings));
        Assert.Empty(Flags.ForAlliance(5.0m, previousMean: 5.4m, settings));
    }
}
