using System.Text;
using System.Text.Json.Nodes;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Surveys;
using Wellbeing.Infrastructure.Surveys;
using Wellbeing.Testing;

namespace Wellbeing.Infrastructure.IntegrationTests.Surveys;

/// <summary>Reading uploaded definitions, good and bad, from the files kept in tests/Testing/InstrumentFiles.</summary>
public sealed class InstrumentFileReaderTests
{
    private static readonly IReadOnlyList<Survey> Shipped = new FileSurveyCatalogue(FileSurveyCatalogue.DefaultFolder).All;

    private static Task<InstrumentFile> ReadAsync(byte[] bytes) => new InstrumentFileReader().ReadAsync(new MemoryStream(bytes), Shipped, CancellationToken.None);

    private static Task<InstrumentFile> ReadAsync(string fileName) => ReadAsync(InstrumentFiles.Bytes(fileName));

    private static byte[] Who5With(Action<JsonObject> change)
    {
        var questionnaire = JsonNode.Parse(InstrumentFiles.Bytes(InstrumentFiles.Who5Questionnaire))!.AsObject();
        change(questionnaire);
        return Encoding.UTF8.GetBytes(questionnaire.ToJsonString());
    }

    [Fact]
    public async Task Who5Questionnaire_IsVersion2OfTheWho5_WithItsItemsAnswersScoringAndLicence()
    {
        var file = await ReadAsync(InstrumentFiles.Who5Questionnaire);
        var survey = file.Entry.Survey;
        var shipped = Shipped.Single(s => s.Key == "who-5");

        Assert.Equal(InstrumentFileFormat.FhirQuestionnaire, file.Format);
        Assert.Equal(("who-5", 2, Measure.Wellbeing), (survey.Key, survey.Version, survey.Measure));
        Assert.Equal(shipped.Items, survey.Items);
        Assert.Equal(shipped.Options, survey.Options);
        Assert.Equal(ScoringRule.SumTimes(4), survey.Scoring);
        Assert.Equal(100m, survey.Score(Enumerable.Range(1, 5).ToDictionary(i => i.ToString(), _ => (int?)5)).Total);
        Assert.True(survey.IsValidated);
        Assert.True(survey.Licence.NeedsPermission);
        Assert.Contains("Licence: CC BY-NC-SA 3.0 IGO", survey.Licence.Name);
    }

    [Fact]
    public async Task StoredDefinition_ReadsBackToTheSameContent()
    {
        var file = await ReadAsync(InstrumentFiles.Who5Questionnaire);

        var stored = SurveyDefinitionFile.Parse(file.Definition, "stored");

        Assert.True(stored.Survey.HasSameContentAs(file.Entry.Survey));
    }

    [Fact]
    public async Task Questionnaire_WithoutTheValidatedExtension_IsNotValidated_AndScoredAsTheSum()
    {
        var survey = (await ReadAsync(Who5With(q => q.Remove("extension")))).Entry.Survey;

        Assert.False(survey.IsValidated);
        Assert.Equal(ScoringRule.Sum, survey.Scoring);
    }

    [Fact]
    public async Task Item_WithOrdinalValuesTurnedRound_IsAReversedItem()
    {
        var bytes = Who5With(q =>
        {
            foreach (var option in q["item"]![1]!["answerOption"]!.AsArray())
            {
                var ordinal = (option!["valueCoding"]!["extension"] ?? option["extension"])![0]!;
                ordinal["valueDecimal"] = 5 - ordinal["valueDecimal"]!.GetValue<decimal>();
            }
        });

        var survey = (await ReadAsync(bytes)).Entry.Survey;

        Assert.Equal([false, true, false, false, false], survey.Items.Select(i => i.Reversed));
    }

    [Fact]
    public async Task Item_WithOtherAnswers_IsRefused_NamingIt()
    {
        var bytes = Who5With(q => q["item"]![4]!["answerOption"]!.AsArray().RemoveAt(0));

        var refusal = await Assert.ThrowsAsync<InvalidInstrumentFileException>(() => ReadAsync(bytes));

        Assert.Contains("Item \"5\" offers other answers than item \"1\"", refusal.Message);
    }

    [Fact]
    public async Task OurFormat_IsReadAsADefinition()
    {
        var file = await ReadAsync(InstrumentFiles.AllianceVersion2);

        Assert.Equal(InstrumentFileFormat.Definition, file.Format);
        Assert.Equal(("professional-alliance", 2, 6), (file.Entry.Survey.Key, file.Entry.Survey.Version, file.Entry.Survey.Items.Count));
        Assert.False(file.Entry.Survey.IsValidated);
    }

    [Fact]
    public async Task FileWithAByteOrderMark_IsRead()
    {
        var file = await ReadAsync([.. Encoding.UTF8.Preamble, .. InstrumentFiles.Bytes(InstrumentFiles.AllianceVersion2)]);

        Assert.Equal(2, file.Entry.Survey.Version);
    }

    [Theory]
    [MemberData(nameof(InstrumentFiles.FormatRefusals), MemberType = typeof(InstrumentFiles))]
    public async Task BadFile_IsRefused_SayingWhatIsWrongAndWhere(string fileName, string reason)
    {
        var refusal = await Assert.ThrowsAsync<InvalidInstrumentFileException>(() => ReadAsync(fileName));

        Assert.Contains(reason, refusal.Message);
    }

    [Theory]
    [InlineData("{ \"resourceType\": \"Patient\" }", "is a FHIR Patient; upload a Questionnaire")]
    [InlineData("{ \"resourceType\": \"Questionnaire\", \"item\": 7 }", "is not valid FHIR R4 JSON")]
    [InlineData("{ \"key\": ", "is not JSON")]
    [InlineData("{ \"key\": \"x\" }", "The uploaded file is not valid")]
    public async Task UnreadableFile_IsRefused_SayingWhy(string content, string reason)
    {
        var refusal = await Assert.ThrowsAsync<InvalidInstrumentFileException>(() => ReadAsync(Encoding.UTF8.GetBytes(content)));

        Assert.Contains(reason, refusal.Message);
    }

    [Fact]
    public async Task Questionnaire_WhoseUrlEndsInNoKey_IsRefused()
    {
        var refusal = await Assert.ThrowsAsync<InvalidInstrumentFileException>(() => ReadAsync(Who5With(q => q["url"] = "http://example.org/fhir/Questionnaire/")));

        Assert.Contains("url must end in the instrument's key", refusal.Message);
    }

    [Fact]
    public async Task Questionnaire_WhoseVersionIsNotAWholeNumber_IsRefused()
    {
        var refusal = await Assert.ThrowsAsync<InvalidInstrumentFileException>(() => ReadAsync(Who5With(q => q["version"] = "2.1")));

        Assert.Contains("version must be a whole number from 1; it is \"2.1\"", refusal.Message);
    }
}
