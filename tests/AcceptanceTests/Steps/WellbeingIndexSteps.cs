using Wellbeing.AcceptanceTests.Runner;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Interpretation;
using Wellbeing.Domain.Surveys;
using Wellbeing.Infrastructure.Surveys;

namespace Wellbeing.AcceptanceTests.Steps;

/// <summary>The Wellbeing Index rules, checked against the definition file the product ships.</summary>
public sealed class WellbeingIndexSteps
{
    private Survey _survey = null!;
    private SurveyScore? _score;
    private InvalidAnswersException? _refusal;

    [Given("^the Wellbeing Index as shipped$")]
    public void AsShipped() => _survey = new FileSurveyCatalogue(FileSurveyCatalogue.DefaultFolder).Current(Measure.Wellbeing);

    [When("^a client answers (\\d), (\\d), (\\d), (\\d) and (\\d)$")]
    public void Answers(int first, int second, int third, int fourth, int fifth) =>
        Score([first, second, third, fourth, fifth]);

    [When("^a client answers only the first four statements$")]
    public void AnswersFirstFour() => Score([3, 3, 3, 3]);

    [Then("^the raw score is (\\d+)$")]
    public void RawScore(int raw) => Assert.Equal(raw, _score!.Raw);

    [Then("^the reported score is (\\d+)$")]
    public void ReportedScore(int total) => Assert.Equal(total, _score!.Total);

    [Then("""^the bracket with default settings is "(Poor|Moderate|Good)"$""")]
    public void Bracket(WellbeingBracket bracket) =>
        Assert.Equal(bracket, WellbeingBrackets.For(_score!.Total, HubSettings.Defaults()));

    [Then("^possible depression is (flagged|not flagged)$")]
    public void PossibleDepression(string flagged) =>
        Assert.Equal(flagged == "flagged", Flags.ForWellbeing(_score!.Total).Contains(Flag.PossibleDepression));

    [Then("""^the form is refused and the only missing statement is "([^"]*)"$""")]
    public void Refused(string statement)
    {
        Assert.Null(_score);
        var missing = Assert.Single(_refusal!.Errors);
        Assert.Equal(statement, _survey.Items.Single(i => i.Id == missing.ItemId).Text);
    }

    private void Score(IReadOnlyList<int> values)
    {
        var answers = _survey.Items.Take(values.Count).Select((item, i) => (item.Id, Value: (int?)values[i])).ToDictionary(a => a.Id, a => a.Value);
        try
        {
            _score = _survey.Score(answers);
        }
        catch (InvalidAnswersException refusal)
        {
            _refusal = refusal;
        }
    }
}
