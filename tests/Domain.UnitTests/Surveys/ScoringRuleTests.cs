using System.Globalization;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Surveys;

namespace Wellbeing.Domain.UnitTests.Surveys;

public class ScoringRuleTests
{
    [Fact]
    public void Sum_AddsTheValues_ForBothRawAndTotal()
    {
        Assert.Equal((10m, 10m), ScoringRule.Sum.Apply([1, 2, 3, 4]));
    }

    [Fact]
    public void SumTimes_KeepsTheSumAsRaw_AndMultipliesTheTotal()
    {
        Assert.Equal((13m, 52m), ScoringRule.SumTimes(4).Apply([3, 2, 4, 1, 3]));
    }

    [Fact]
    public void Mean_IsRoundedToTwoDecimals_ForBothRawAndTotal()
    {
        Assert.Equal((4.67m, 4.67m), ScoringRule.Mean.Apply([4, 5, 5]));
    }

    [Theory]
    [InlineData("sum", ScoringKind.Sum, 1)]
    [InlineData("mean", ScoringKind.Mean, 1)]
    [InlineData("sum_times(4)", ScoringKind.SumTimes, 4)]
    [InlineData(" SUM_TIMES(2.5) ", ScoringKind.SumTimes, 2.5)]
    public void Parse_ReadsTheRulesOfTheDefinitionFiles(string text, ScoringKind kind, decimal factor)
    {
        var rule = ScoringRule.Parse(text);

        Assert.Equal(kind, rule.Kind);
        Assert.Equal(factor, rule.Factor);
    }

    [Theory]
    [InlineData("median")]
    [InlineData("sum_times(-1)")]
    [InlineData("sum_times(0)")]
    [InlineData("sum_times(x)")]
    [InlineData("sum_times(4")]
    [InlineData("")]
    public void Parse_RejectsAnythingOutsideTheClosedSet(string text)
    {
        Assert.Throws<DomainException>(() => ScoringRule.Parse(text));
    }

    [Fact]
    public void Parse_ReadsTheFactorWithAPointWhateverTheCurrentCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            Assert.Equal(2.5m, ScoringRule.Parse("sum_times(2.5)").Factor);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData("sum")]
    [InlineData("mean")]
    [InlineData("sum_times(4)")]
    [InlineData("sum_times(2.5)")]
    public void ToString_WritesWhatParseReads(string text)
    {
        Assert.Equal(text, ScoringRule.Parse(text).ToString());
    }
}
