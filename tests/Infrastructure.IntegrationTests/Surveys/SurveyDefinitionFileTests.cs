using System.Text.Json.Nodes;
using Wellbeing.Infrastructure.IntegrationTests.Builders;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Surveys;
using Wellbeing.Infrastructure.Surveys;

namespace Wellbeing.Infrastructure.IntegrationTests.Surveys;

public class SurveyDefinitionFileTests
{
    private const string FileName = "test.v1.json";

    [Fact]
    public void ValidDefinition_MapsEveryPartToTheSurvey()
    {
        var file = SurveyDefinitionFile.Parse(new DefinitionFileBuilder().Build(), FileName);
        var survey = file.Survey;

        Assert.Equal(FileName, file.FileName);
        Assert.False(file.IsMarkedCurrent);
        Assert.Equal(("test-wellbeing", 1, Measure.Wellbeing), (survey.Key, survey.Version, survey.Measure));
        Assert.Equal(("Test wellbeing survey", "Answer every question."), (survey.Title, survey.Instructions));
        Assert.Equal(ScoringRule.Sum, survey.Scoring);
        Assert.Equal([new SurveyItem("q1", "I slept well"), new SurveyItem("q2", "I ate well", Reversed: true)], survey.Items);
        Assert.Equal([new AnswerOption(1, "Yes"), new AnswerOption(0, "No")], survey.Options);
        Assert.Equal(["q1", "q2"], Assert.Single(survey.Subscales).ItemIds);
        Assert.Equal(new InterpretationBand("Any", 0, 2, "Any score."), Assert.Single(survey.Bands));
        Assert.Equal(new SurveyLicence("Test licence", "Written for tests.", null, null), survey.Licence);
        Assert.False(survey.IsValidated);
        Assert.Equal("Written for tests.", survey.ValidityNote);
    }

    [Theory]
    [InlineData("wellbeing", Measure.Wellbeing)]
    [InlineData("alliance", Measure.Alliance)]
    public void Measure_IsReadFromItsLowerCaseName(string measure, Measure expected)
    {
        var survey = SurveyDefinitionFile.Parse(new DefinitionFileBuilder().ForMeasure(measure).Build(), FileName).Survey;

        Assert.Equal(expected, survey.Measure);
    }

    [Fact]
    public void CurrentFlag_IsRead()
    {
        Assert.True(SurveyDefinitionFile.Parse(new DefinitionFileBuilder().MarkedCurrent().Build(), FileName).IsMarkedCurrent);
    }

    [Fact]
    public void UnknownMeasure_IsRejectedNamingTheFileAndTheMeasure()
    {
        var json = new DefinitionFileBuilder().ForMeasure("mood").Build();

        var exception = Assert.Throws<InvalidSurveyDefinitionException>(() => SurveyDefinitionFile.Parse(json, FileName));

        Assert.Contains(FileName, exception.Message);
        Assert.Contains("\"mood\"", exception.Message);
    }

    [Fact]
    public void UnknownScoringRule_IsRejectedNamingTheFile()
    {
        var json = new DefinitionFileBuilder().With("scoring", "median").Build();

        var exception = Assert.Throws<InvalidSurveyDefinitionException>(() => SurveyDefinitionFile.Parse(json, FileName));

        Assert.Contains(FileName, exception.Message);
        Assert.Contains("median", exception.Message);
    }

    [Fact]
    public void MisspeltItemProperty_IsRejectedRatherThanIgnored()
    {
        var json = new DefinitionFileBuilder().WithFirstItemProperty("reverse", true).Build();

        var exception = Assert.Throws<InvalidSurveyDefinitionException>(() => SurveyDefinitionFile.Parse(json, FileName));

        Assert.Contains(FileName, exception.Message);
        Assert.Contains("reverse", exception.Message);
    }

    [Theory]
    [InlineData("scoring")]
    [InlineData("items")]
    [InlineData("validated")]
    [InlineData("licence")]
    public void MissingRequiredProperty_IsRejectedNamingTheFile(string property)
    {
        var json = new DefinitionFileBuilder().Without(property).Build();

        var exception = Assert.Throws<InvalidSurveyDefinitionException>(() => SurveyDefinitionFile.Parse(json, FileName));

        Assert.Contains(FileName, exception.Message);
        Assert.Contains(property, exception.Message);
    }

    [Fact]
    public void NullWhereTextIsRequired_IsRejectedNamingTheFile()
    {
        var json = new DefinitionFileBuilder().With("title", null).Build();

        var exception = Assert.Throws<InvalidSurveyDefinitionException>(() => SurveyDefinitionFile.Parse(json, FileName));

        Assert.Contains(FileName, exception.Message);
    }

    [Theory]
    [InlineData("items", "[ null ]")]
    [InlineData("options", "[ { \"value\": 1, \"label\": \"Yes\" }, null ]")]
    [InlineData("subscales", "[ { \"key\": \"all\", \"title\": \"All\", \"items\": [ \"q1\", null ] } ]")]
    [InlineData("bands", "[ null ]")]
    public void NullEntryInAList_IsRejectedNamingTheFile(string property, string list)
    {
        var json = new DefinitionFileBuilder().With(property, JsonNode.Parse(list)).Build();

        var exception = Assert.Throws<InvalidSurveyDefinitionException>(() => SurveyDefinitionFile.Parse(json, FileName));

        Assert.Contains(FileName, exception.Message);
        Assert.Contains("null", exception.Message);
    }

    [Theory]
    [InlineData("{ \"key\": ")]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("[]")]
    public void MalformedJson_IsRejectedNamingTheFile(string json)
    {
        var exception = Assert.Throws<InvalidSurveyDefinitionException>(() => SurveyDefinitionFile.Parse(json, FileName));

        Assert.Contains(FileName, exception.Message);
    }

    [Fact]
    public void DefinitionBreakingARuleOfTheDomain_IsRejectedNamingTheFile()
    {
        var json = new DefinitionFileBuilder().With("version", 0).Build();

        var exception = Assert.Throws<InvalidSurveyDefinitionException>(() => SurveyDefinitionFile.Parse(json, FileName));

        Assert.Contains(FileName, exception.Message);
        Assert.Contains("version", exception.Message);
    }

    [Fact]
    public void ItemsWithTheSameId_AreRejectedNamingTheFile()
    {
        var json = new DefinitionFileBuilder()
            .With("items", JsonNode.Parse("""[ { "id": "q1", "text": "One" }, { "id": "q1", "text": "Two" } ]"""))
            .With("subscales", new JsonArray())
            .Build();

        var exception = Assert.Throws<InvalidSurveyDefinitionException>(() => SurveyDefinitionFile.Parse(json, FileName));

        Assert.Contains(FileName, exception.Message);
        Assert.Contains("same id", exception.Message);
    }

    [Fact]
    public void MissingFile_IsReportedByName()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "gone.v1.json");

        var exception = Assert.Throws<InvalidSurveyDefinitionException>(() => SurveyDefinitionFile.Read(path));

        Assert.Contains("gone.v1.json", exception.Message);
    }
}
