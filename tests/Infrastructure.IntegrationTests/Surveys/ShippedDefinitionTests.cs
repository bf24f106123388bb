using Wellbeing.Domain.Common;
using Wellbeing.Domain.Surveys;
using Wellbeing.Infrastructure.Surveys;

namespace Wellbeing.Infrastructure.IntegrationTests.Surveys;

/// <summary>The definitions in instruments/*.json as the application loads them; the clinical facts are from instruments.md.</summary>
public class ShippedDefinitionTests
{
    private static readonly FileSurveyCatalogue Catalogue = new(FileSurveyCatalogue.DefaultFolder);

    private readonly Survey _who5 = Catalogue.Find("who-5", 1) ?? throw new InvalidOperationException("who-5 v1 is not shipped.");
    private readonly Survey _alliance = Catalogue.Find("professional-alliance", 1) ?? throw new InvalidOperationException("professional-alliance v1 is not shipped.");

    [Fact]
    public void BuildCopiesTheDefinitions_IntoTheDefaultFolder()
    {
        Assert.True(File.Exists(Path.Combine(FileSurveyCatalogue.DefaultFolder, "who-5.v1.json")));
        Assert.True(File.Exists(Path.Combine(FileSurveyCatalogue.DefaultFolder, "professional-alliance.v1.json")));
    }

    [Fact]
    public void CurrentWellbeingInstrument_IsWho5Version1()
    {
        var current = Catalogue.Current(Measure.Wellbeing);

        Assert.Equal(("who-5", 1), (current.Key, current.Version));
    }

    [Fact]
    public void CurrentAllianceInstrument_IsOurOwnVersion1()
    {
        var current = Catalogue.Current(Measure.Alliance);

        Assert.Equal(("professional-alliance", 1), (current.Key, current.Version));
    }

    [Fact]
    public void Who5_HasExactlyTheFiveItemsInOrder()
    {
        Assert.Equal(
            [
                "I have felt cheerful and in good spirits",
                "I have felt calm and relaxed",
                "I have felt active and vigorous",
                "I woke up feeling fresh and rested",
                "My daily life has been filled with things that interest me",
            ],
            _who5.Items.Select(i => i.Text));
    }

    [Fact]
    public void Who5_AsksAboutTheLastTwoWeeks()
    {
        Assert.StartsWith("Over the last two weeks", _who5.Instructions);
    }

    [Fact]
    public void Who5_HasSixOptionsFromFiveToZero_WithTheExactLabels()
    {
        Assert.Equal(
            [
                new AnswerOption(5, "All of the time"),
                new AnswerOption(4, "Most of the time"),
                new AnswerOption(3, "More than half of the time"),
                new AnswerOption(2, "Less than half of the time"),
                new AnswerOption(1, "Some of the time"),
                new AnswerOption(0, "At no time"),
            ],
            _who5.Options);
    }

    [Fact]
    public void Who5_ScoresRawSumTimesFour_WithNoReversedItems()
    {
        Assert.Equal(ScoringRule.SumTimes(4), _who5.Scoring);
        Assert.DoesNotContain(_who5.Items, i => i.Reversed);
        Assert.Equal(Measure.Wellbeing, _who5.Measure);
    }

    [Fact]
    public void Who5_AllFives_Scores100_AndAllZeros_Scores0()
    {
        Assert.Equal(100m, _who5.Score(_who5.Items.ToDictionary(i => i.Id, _ => (int?)5)).Total);
        Assert.Equal(0m, _who5.Score(_who5.Items.ToDictionary(i => i.Id, _ => (int?)0)).Total);
    }

    [Fact]
    public void Who5_IsLicensedCcByNcSa30Igo_WithWhosAttribution()
    {
        Assert.Equal("CC BY-NC-SA 3.0 IGO", _who5.Licence.Name);
        Assert.Equal(
            "World Health Organization. The World Health Organization-Five Well-Being Index (WHO-5). Geneva: World Health Organization; 2024. Licence: CC BY-NC-SA 3.0 IGO.",
            _who5.Licence.Attribution);
    }

    [Fact]
    public void Who5_TellsTheOperatorThatCommercialUseNeedsWhosPermission()
    {
        Assert.NotNull(_who5.Licence.CommercialUseNote);
        Assert.Contains("permission", _who5.Licence.CommercialUseNote);
        Assert.Contains("WHO", _who5.Licence.CommercialUseNote);
    }

    [Fact]
    public void Who5_IsValidated_AndSaysItIsAScreenNotADiagnosis()
    {
        Assert.True(_who5.IsValidated);
        Assert.Contains("not a diagnosis", _who5.ValidityNote);
    }

    [Fact]
    public void Who5_BandsMatchTheClinicalCutOffs()
    {
        Assert.Equal(
            [("Poor", 0m, 28m), ("Moderate", 29m, 50m), ("Good", 51m, 100m)],
            _who5.Bands.Select(b => (b.Label, b.From, b.To)));
    }

    [Fact]
    public void Alliance_HasFiveItemsOverBondPartnershipAndConfidence()
    {
        Assert.Equal(5, _alliance.Items.Count);
        Assert.Equal(["bond", "partnership", "confidence"], _alliance.Subscales.Select(s => s.Key));
        Assert.Equal(
            _alliance.Items.Select(i => i.Id).Order(),
            _alliance.Subscales.SelectMany(s => s.ItemIds).Order());
        Assert.Equal(Measure.Alliance, _alliance.Measure);
    }

    [Fact]
    public void Alliance_HasSevenOptionsFromSevenToOne()
    {
        Assert.Equal([7, 6, 5, 4, 3, 2, 1], _alliance.Options.Select(o => o.Value));
        Assert.Equal("Strongly agree", _alliance.Options[0].Label);
        Assert.Equal("Strongly disagree", _alliance.Options[^1].Label);
    }

    [Fact]
    public void Alliance_HasExactlyOneReversedItem_AndScoresTheMean()
    {
        Assert.Single(_alliance.Items, i => i.Reversed);
        Assert.Equal(ScoringRule.Mean, _alliance.Scoring);
    }

    [Fact]
    public void Alliance_IsUnvalidated_AndNeverClaimsToBeTheArm5()
    {
        Assert.False(_alliance.IsValidated);
        Assert.NotNull(_alliance.ValidityNote);
        Assert.Contains("unvalidated", _alliance.ValidityNote, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("not the ARM-5", _alliance.ValidityNote);
        Assert.DoesNotContain("ARM", _alliance.Title);
    }
}
