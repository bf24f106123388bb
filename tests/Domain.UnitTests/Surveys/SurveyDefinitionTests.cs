using Wellbeing.Domain.Common;
using Wellbeing.Domain.Surveys;
using Wellbeing.Domain.UnitTests.Builders;

namespace Wellbeing.Domain.UnitTests.Surveys;

public class SurveyDefinitionTests
{
    [Fact]
    public void TwoItemsWithTheSameId_AreRejected()
    {
        var builder = new SurveyBuilder().WithItems(new("q1", "One"), new("q1", "Also one"));

        var exception = Assert.Throws<DomainException>(builder.Build);

        Assert.Contains("same id", exception.Message);
    }

    [Fact]
    public void SubscaleNamingAnUnknownItem_IsRejected()
    {
        var builder = new SurveyBuilder().WithItems(new SurveyItem("q1", "One")).WithSubscale("bond", "q1", "q2");

        var exception = Assert.Throws<DomainException>(builder.Build);

        Assert.Contains("does not exist", exception.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void VersionBelowOne_IsRejected(int version)
    {
        Assert.Throws<DomainException>(new SurveyBuilder().WithVersion(version).Build);
    }

    [Fact]
    public void NoItems_IsRejected()
    {
        Assert.Throws<DomainException>(new SurveyBuilder().WithItems().Build);
    }

    [Fact]
    public void FewerThanTwoOptions_IsRejected()
    {
        Assert.Throws<DomainException>(new SurveyBuilder().WithOptions(1, 1).Build);
    }

    [Theory]
    [InlineData(2, "Often", "Instrument test-survey offers two answers with the value 2.")]
    [InlineData(1, "Always", "Instrument test-survey offers the answer \"Always\" twice.")]
    public void TwoOptionsWithTheSameValueOrLabel_AreRejected(int value, string label, string message)
    {
        var builder = new SurveyBuilder().WithOptions(new AnswerOption(2, "Always"), new AnswerOption(value, label), new AnswerOption(0, "Never"));

        var exception = Assert.Throws<DomainException>(builder.Build);

        Assert.Equal(message, exception.Message);
    }

    [Fact]
    public void Options_AreOfferedHighestValueFirst()
    {
        var survey = new SurveyBuilder().WithOptions(1, 7).Build();

        Assert.Equal([7, 6, 5, 4, 3, 2, 1], survey.Options.Select(o => o.Value));
        Assert.Equal(1, survey.MinimumValue);
        Assert.Equal(7, survey.MaximumValue);
    }
}
