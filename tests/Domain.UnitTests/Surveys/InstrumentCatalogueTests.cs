using Wellbeing.Domain.Common;
using Wellbeing.Domain.Surveys;
using Wellbeing.Domain.UnitTests.Builders;

namespace Wellbeing.Domain.UnitTests.Surveys;

public sealed class InstrumentCatalogueTests
{
    private static CatalogueEntry Entry(SurveyBuilder survey, bool current = false, string source = "a file") => new(survey.Build(), current, source);

    private static InstrumentCatalogue Shipped() => new([Entry(SurveyBuilder.Who5Shaped().NeedingPermission(), source: "who-5.v1.json"), Entry(SurveyBuilder.AllianceShaped(), source: "alliance.v1.json")]);

    [Fact]
    public void Admit_TheSameVersionWithTheSameContent_IsUnchanged()
    {
        var catalogue = Shipped();

        // Built anew: equal content in other list instances, subscales included.
        Assert.Equal(Admission.Unchanged, catalogue.Admit(Entry(SurveyBuilder.AllianceShaped(), source: "upload")));
    }

    [Theory]
    [InlineData("title")]
    [InlineData("scoring")]
    [InlineData("subscale")]
    [InlineData("validated")]
    public void Admit_TheSameVersionWithOtherContent_IsRefused(string change)
    {
        var changed = change switch
        {
            "title" => SurveyBuilder.AllianceShaped().WithTitle("Another title"),
            "scoring" => SurveyBuilder.AllianceShaped().WithScoring(ScoringRule.Sum),
            "subscale" => SurveyBuilder.AllianceShaped().WithSubscale("extra", "bond-1"),
            _ => SurveyBuilder.AllianceShaped().Validated(),
        };

        var refusal = Assert.Throws<DomainException>(() => Shipped().Admit(Entry(changed, source: "upload")));

        Assert.Contains("Version 1 of professional-alliance already exists with different content", refusal.Message);
    }

    [Fact]
    public void Admit_ANewVersion_IsNew_AndTheCatalogueWithItMakesItCurrent_KeepingTheOldOne()
    {
        var catalogue = Shipped();
        var version2 = Entry(SurveyBuilder.Who5Shaped().NeedingPermission().WithVersion(2).WithScoring(ScoringRule.Sum), source: "upload");

        var admission = catalogue.Admit(version2);
        var after = new InstrumentCatalogue([.. Shipped().All.Select(s => new CatalogueEntry(s, false, s.Key)), version2]);

        Assert.Equal(Admission.New, admission);
        Assert.Equal(2, after.CurrentOrNull(Measure.Wellbeing)!.Version);
        Assert.Equal(ScoringRule.SumTimes(4), after.Find("who-5", 1)!.Scoring);
    }

    [Fact]
    public void Admit_ANewVersionDroppingTheNeedForPermission_IsRefused()
    {
        var refusal = Assert.Throws<DomainException>(() => Shipped().Admit(Entry(SurveyBuilder.Who5Shaped().WithVersion(2), source: "upload")));

        Assert.Contains("version 2 must say so too", refusal.Message);
    }

    [Fact]
    public void Admit_ASecondInstrumentForAMeasure_NotMarkedCurrent_IsRefused()
    {
        var refusal = Assert.Throws<DomainException>(() => Shipped().Admit(Entry(new SurveyBuilder().WithKey("mood"), source: "upload")));

        Assert.Contains("mark exactly one", refusal.Message);
    }

    [Fact]
    public void Admit_ASecondInstrumentForAMeasure_MarkedCurrent_IsNew()
    {
        Assert.Equal(Admission.New, Shipped().Admit(Entry(new SurveyBuilder().WithKey("mood"), current: true, source: "upload")));
    }

    [Fact]
    public void Admit_AnExistingKeyForAnotherMeasure_IsRefused()
    {
        var refusal = Assert.Throws<DomainException>(() =>
            Shipped().Admit(Entry(SurveyBuilder.AllianceShaped().WithVersion(2).ForMeasure(Measure.Wellbeing), current: true, source: "upload")));

        Assert.Contains("professional-alliance is given different measures", refusal.Message);
    }
}
