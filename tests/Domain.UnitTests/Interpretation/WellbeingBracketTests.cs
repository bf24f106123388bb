using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Interpretation;
using Wellbeing.Domain.UnitTests.Builders;

namespace Wellbeing.Domain.UnitTests.Interpretation;

public class WellbeingBracketTests
{
    [Theory]
    [InlineData(0, WellbeingBracket.Poor)]
    [InlineData(28, WellbeingBracket.Poor)]
    [InlineData(29, WellbeingBracket.Moderate)]
    [InlineData(50, WellbeingBracket.Moderate)]
    [InlineData(51, WellbeingBracket.Good)]
    [InlineData(100, WellbeingBracket.Good)]
    public void DefaultBrackets_ArePoorTo28_ModerateTo50_GoodAbove(int score, WellbeingBracket expected)
    {
        Assert.Equal(expected, WellbeingBrackets.For(score, HubSettings.Defaults()));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void ScoreOutsideZeroToHundred_IsRejected(int score)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WellbeingBrackets.For(score, HubSettings.Defaults()));
    }

    [Theory]
    [InlineData(40, WellbeingBracket.Poor)]
    [InlineData(41, WellbeingBracket.Moderate)]
    [InlineData(70, WellbeingBracket.Moderate)]
    [InlineData(71, WellbeingBracket.Good)]
    public void HubTunedBrackets_MoveTheBoundaries(int score, WellbeingBracket expected)
    {
        var settings = new HubSettingsBuilder().WithBrackets(poorUpTo: 40, moderateUpTo: 70).Build();

        Assert.Equal(expected, WellbeingBrackets.For(score, settings));
    }
}
