using Wellbeing.Domain.Surveys;
using Wellbeing.Domain.UnitTests.Builders;

namespace Wellbeing.Domain.UnitTests.Surveys;

public class SurveyAnswerValidationTests
{
    private readonly Survey _survey = new SurveyBuilder()
        .WithItems(new("q1", "I slept well"), new("q2", "I ate well"), new("q3", "I moved enough"))
        .WithOptions(0, 5)
        .Build();

    [Fact]
    public void CompleteAnswersWithinTheOptions_HaveNoErrors()
    {
        Assert.Empty(_survey.Validate(Answers.InOrder(_survey, 0, 3, 5)));
    }

    [Fact]
    public void MissingItem_IsReportedWithItsText()
    {
        var answers = new Dictionary<string, int?> { ["q1"] = 3, ["q3"] = 3 };

        var error = Assert.Single(_survey.Validate(answers));

        Assert.Equal("q2", error.ItemId);
        Assert.Contains("I ate well", error.Message);
    }

    [Fact]
    public void ItemAnsweredWithNull_CountsAsMissing()
    {
        var answers = new Dictionary<string, int?> { ["q1"] = 3, ["q2"] = null, ["q3"] = 3 };

        var error = Assert.Single(_survey.Validate(answers));

        Assert.Equal("q2", error.ItemId);
        Assert.Contains("Please answer \"I ate well\"", error.Message);
    }

    [Fact]
    public void EveryMissingItem_HasItsOwnError()
    {
        var errors = _survey.Validate(new Dictionary<string, int?>());

        Assert.Equal(["q1", "q2", "q3"], errors.Select(e => e.ItemId));
    }

    [Theory]
    [InlineData(6)]
    [InlineData(-1)]
    public void ValueNotAmongTheOptions_IsRejected(int value)
    {
        var answers = Answers.InOrder(_survey, 3, value, 3);

        var error = Assert.Single(_survey.Validate(answers));

        Assert.Equal("q2", error.ItemId);
        Assert.Contains($"\"{value}\" is not one of the answers", error.Message);
    }

    [Fact]
    public void UnknownItemId_IsRejected_WithoutRepeatingIt()
    {
        var answers = Answers.InOrder(_survey, 3, 3, 3);
        answers["<b>q9</b>"] = 3;

        var error = Assert.Single(_survey.Validate(answers));

        Assert.Equal(Survey.UnknownQuestionMessage, error.Message);
        Assert.DoesNotContain("q9", error.Message);
    }

    [Fact]
    public void ScoringAnIncompleteForm_ThrowsWithAnErrorPerItem()
    {
        var answers = new Dictionary<string, int?> { ["q1"] = 9, ["q3"] = 2 };

        var exception = Assert.Throws<InvalidAnswersException>(() => _survey.Score(answers));

        Assert.Equal(["q1", "q2"], exception.Errors.Select(e => e.ItemId));
        Assert.Contains("I ate well", exception.Message);
    }
}
