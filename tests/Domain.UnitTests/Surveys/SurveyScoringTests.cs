using Wellbeing.Domain.Surveys;
using Wellbeing.Domain.UnitTests.Builders;

namespace Wellbeing.Domain.UnitTests.Surveys;

public class SurveyScoringTests
{
    private readonly Survey _who5 = SurveyBuilder.Who5Shaped().Build();
    private readonly Survey _alliance = SurveyBuilder.AllianceShaped().Build();

    [Fact]
    public void Who5_AllFives_IsRaw25AndTotal100()
    {
        var score = _who5.Score(Answers.AllSame(_who5, 5));

        Assert.Equal(25m, score.Raw);
        Assert.Equal(100m, score.Total);
    }

    [Fact]
    public void Who5_AllZeros_IsRaw0AndTotal0()
    {
        var score = _who5.Score(Answers.AllSame(_who5, 0));

        Assert.Equal(0m, score.Raw);
        Assert.Equal(0m, score.Total);
    }

    [Fact]
    public void Who5_Mixed_3_2_4_1_3_IsRaw13AndTotal52()
    {
        var score = _who5.Score(Answers.InOrder(_who5, 3, 2, 4, 1, 3));

        Assert.Equal(13m, score.Raw);
        Assert.Equal(52m, score.Total);
    }

    [Fact]
    public void Who5_TotalIsAlwaysAMultipleOfFour()
    {
        var values = Enumerable.Range(0, 6).ToArray();
        var everyForm =
            from a in values
            from b in values
            from c in values
            from d in values
            from e in values
            select new[] { a, b, c, d, e };

        foreach (var form in everyForm)
        {
            var score = _who5.Score(Answers.InOrder(_who5, form));
            Assert.Equal(0m, score.Total % 4);
            Assert.Equal(score.Raw * 4, score.Total);
        }
    }

    [Fact]
    public void Sum_AddsTheAnswersAsGiven()
    {
        var survey = new SurveyBuilder().WithScoring(ScoringRule.Sum).Build();

        Assert.Equal(9m, survey.Score(Answers.InOrder(survey, 2, 3, 4)).Total);
    }

    [Fact]
    public void Mean_TurnsAReversedTwoOnAOneToSevenScaleIntoSix()
    {
        var survey = new SurveyBuilder()
            .WithItems(new("plain", "Plain"), new("reversed", "Reversed", Reversed: true))
            .WithOptions(1, 7)
            .WithScoring(ScoringRule.Mean)
            .Build();

        var score = survey.Score(Answers.InOrder(survey, 6, 2));

        Assert.Equal(6m, score.Total);
    }

    [Fact]
    public void Mean_OfTheAllianceShape_CountsTheReversedItemTurnedRound()
    {
        // 7 + 6 + 5 + (8 - 3 = 5) + 4 = 27; 27 / 5 = 5.4
        var score = _alliance.Score(Answers.InOrder(_alliance, 7, 6, 5, 3, 4));

        Assert.Equal(5.4m, score.Raw);
        Assert.Equal(5.4m, score.Total);
    }

    [Fact]
    public void SubscaleMeans_UseTheirOwnItems_WithReversedItemsTurnedRound()
    {
        // bond (7 + 6) / 2 = 6.5; partnership (5 + (8 - 3)) / 2 = 5; confidence 4
        var score = _alliance.Score(Answers.InOrder(_alliance, 7, 6, 5, 3, 4));

        Assert.Equal(new Dictionary<string, decimal> { ["bond"] = 6.5m, ["partnership"] = 5m, ["confidence"] = 4m }, score.Subscales);
    }

    [Fact]
    public void SubscaleMeans_AreRoundedToTwoDecimals()
    {
        var survey = new SurveyBuilder()
            .WithItems(new("a", "A"), new("b", "B"), new("c", "C"))
            .WithOptions(1, 7)
            .WithScoring(ScoringRule.Mean)
            .WithSubscale("all", "a", "b", "c")
            .Build();

        var score = survey.Score(Answers.InOrder(survey, 1, 1, 2));

        Assert.Equal(1.33m, score.Subscales["all"]);
    }

    [Fact]
    public void SurveyWithoutSubscales_ScoresNone()
    {
        Assert.Empty(_who5.Score(Answers.AllSame(_who5, 3)).Subscales);
    }
}
