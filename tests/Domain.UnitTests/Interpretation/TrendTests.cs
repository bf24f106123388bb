using Wellbeing.Domain.Interpretation;

namespace Wellbeing.Domain.UnitTests.Interpretation;

public class TrendTests
{
    private const int DefaultThreshold = 10;

    [Fact]
    public void OneSubmission_HasNoTrend()
    {
        Assert.Null(Trend.Of([52m], DefaultThreshold));
    }

    [Fact]
    public void NoSubmissions_HaveNoTrend()
    {
        Assert.Null(Trend.Of([], DefaultThreshold));
    }

    [Theory]
    [InlineData(40, 50, TrendDirection.Improving)]
    [InlineData(50, 40, TrendDirection.Declining)]
    [InlineData(40, 49, TrendDirection.Stable)]
    [InlineData(49, 40, TrendDirection.Stable)]
    [InlineData(40, 40, TrendDirection.Stable)]
    public void ChangeOfExactlyTheThreshold_Counts_AndOneLessIsStable(int first, int latest, TrendDirection expected)
    {
        Assert.Equal(expected, Trend.Of([first, latest], DefaultThreshold));
    }

    [Fact]
    public void LatestMinusFirst_IgnoresTheScoresInBetween()
    {
        // The middle scores swing widely, but 44 -> 48 is a change of only 4.
        Assert.Equal(TrendDirection.Stable, Trend.Of([44m, 100m, 0m, 48m], DefaultThreshold));
    }

    [Fact]
    public void MiddleScoresFarFromTheFirst_DoNotMakeATrend_WhenTheLatestIsBackAtTheStart()
    {
        Assert.Equal(TrendDirection.Stable, Trend.Of([60m, 20m, 60m], DefaultThreshold));
    }

    [Fact]
    public void RiseAfterADip_IsJudgedFromTheFirstScore()
    {
        Assert.Equal(TrendDirection.Improving, Trend.Of([40m, 12m, 52m], DefaultThreshold));
    }

    [Theory]
    [InlineData(20, TrendDirection.Stable)]
    [InlineData(24, TrendDirection.Improving)]
    public void CustomThreshold_IsUsedInsteadOfTen(int latest, TrendDirection expected)
    {
        Assert.Equal(expected, Trend.Of([0m, latest], threshold: 24));
    }
}
