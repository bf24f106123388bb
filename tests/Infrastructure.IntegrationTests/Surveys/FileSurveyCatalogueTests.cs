using Wellbeing.Infrastructure.IntegrationTests.Builders;
using Wellbeing.Domain.Common;
using Wellbeing.Infrastructure.Surveys;

namespace Wellbeing.Infrastructure.IntegrationTests.Surveys;

public sealed class FileSurveyCatalogueTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void MalformedFile_StopsLoading_WithTheFilesName()
    {
        _folder.Write("good.v1.json", new DefinitionFileBuilder()).Write("broken.v1.json", "{ \"key\": \"broken\", ");

        var exception = Assert.Throws<InvalidSurveyDefinitionException>(() => new FileSurveyCatalogue(_folder.Path));

        Assert.Contains("broken.v1.json", exception.Message);
    }

    [Fact]
    public void TwoVersions_CurrentIsTheHighest_AndFindStillReturnsTheOldOne()
    {
        _folder
            .Write("mood.v1.json", new DefinitionFileBuilder().WithKey("mood").WithVersion(1))
            .Write("mood.v2.json", new DefinitionFileBuilder().WithKey("mood").WithVersion(2).With("title", "Mood, second edition"));

        var catalogue = new FileSurveyCatalogue(_folder.Path);

        Assert.Equal(("mood", 2), (catalogue.Current(Measure.Wellbeing).Key, catalogue.Current(Measure.Wellbeing).Version));
        Assert.Equal("Test wellbeing survey", catalogue.Find("mood", 1)?.Title);
        Assert.Equal("Mood, second edition", catalogue.Find("mood", 2)?.Title);
    }

    [Fact]
    public void HighestVersionIsCurrent_WhateverTheFileOrder()
    {
        _folder
            .Write("a.json", new DefinitionFileBuilder().WithKey("mood").WithVersion(10))
            .Write("b.json", new DefinitionFileBuilder().WithKey("mood").WithVersion(9));

        Assert.Equal(10, new FileSurveyCatalogue(_folder.Path).Current(Measure.Wellbeing).Version);
    }

    [Fact]
    public void Find_ReturnsNull_ForAVersionOrKeyNotLoaded()
    {
        _folder.Write("mood.v1.json", new DefinitionFileBuilder().WithKey("mood"));

        var catalogue = new FileSurveyCatalogue(_folder.Path);

        Assert.Null(catalogue.Find("mood", 2));
        Assert.Null(catalogue.Find("other", 1));
    }

    [Fact]
    public void TwoInstrumentsForOneMeasure_WithoutACurrentFlag_StopLoading_NamingBoth()
    {
        _folder
            .Write("mood.v1.json", new DefinitionFileBuilder().WithKey("mood"))
            .Write("energy.v1.json", new DefinitionFileBuilder().WithKey("energy"));

        var exception = Assert.Throws<InvalidSurveyDefinitionException>(() => new FileSurveyCatalogue(_folder.Path));

        Assert.Contains("mood", exception.Message);
        Assert.Contains("energy", exception.Message);
        Assert.Contains("\"current\": true", exception.Message);
    }

    [Fact]
    public void TwoInstrumentsForOneMeasure_TheOneMarkedCurrentIsCurrent_AtItsHighestVersion()
    {
        _folder
            .Write("mood.v1.json", new DefinitionFileBuilder().WithKey("mood").MarkedCurrent())
            .Write("mood.v2.json", new DefinitionFileBuilder().WithKey("mood").WithVersion(2))
            .Write("energy.v5.json", new DefinitionFileBuilder().WithKey("energy").WithVersion(5));

        var current = new FileSurveyCatalogue(_folder.Path).Current(Measure.Wellbeing);

        Assert.Equal(("mood", 2), (current.Key, current.Version));
    }

    [Fact]
    public void TwoInstrumentsForOneMeasure_BothMarkedCurrent_StopLoading()
    {
        _folder
            .Write("mood.v1.json", new DefinitionFileBuilder().WithKey("mood").MarkedCurrent())
            .Write("energy.v1.json", new DefinitionFileBuilder().WithKey("energy").MarkedCurrent());

        Assert.Throws<InvalidSurveyDefinitionException>(() => new FileSurveyCatalogue(_folder.Path));
    }

    [Fact]
    public void OneInstrumentPerMeasure_NeedsNoCurrentFlag()
    {
        _folder
            .Write("mood.v1.json", new DefinitionFileBuilder().WithKey("mood"))
            .Write("rapport.v1.json", new DefinitionFileBuilder().WithKey("rapport").ForMeasure("alliance"));

        var catalogue = new FileSurveyCatalogue(_folder.Path);

        Assert.Equal("mood", catalogue.Current(Measure.Wellbeing).Key);
        Assert.Equal("rapport", catalogue.Current(Measure.Alliance).Key);
    }

    [Fact]
    public void SameKeyAndVersionInTwoFiles_StopsLoading_NamingBothFiles()
    {
        _folder
            .Write("mood.v1.json", new DefinitionFileBuilder().WithKey("mood"))
            .Write("mood-copy.v1.json", new DefinitionFileBuilder().WithKey("mood"));

        var exception = Assert.Throws<InvalidSurveyDefinitionException>(() => new FileSurveyCatalogue(_folder.Path));

        Assert.Contains("mood.v1.json", exception.Message);
        Assert.Contains("mood-copy.v1.json", exception.Message);
    }

    [Fact]
    public void MeasureWithNoInstrument_HasNoCurrent()
    {
        _folder.Write("mood.v1.json", new DefinitionFileBuilder().WithKey("mood"));

        var catalogue = new FileSurveyCatalogue(_folder.Path);

        var exception = Assert.Throws<InvalidOperationException>(() => catalogue.Current(Measure.Alliance));
        Assert.Contains("Alliance", exception.Message);
    }

    [Fact]
    public void MissingFolder_StopsLoading_NamingTheFolder()
    {
        var missing = Path.Combine(_folder.Path, "nowhere");

        var exception = Assert.Throws<InvalidSurveyDefinitionException>(() => new FileSurveyCatalogue(missing));

        Assert.Contains(missing, exception.Message);
    }

    [Fact]
    public void OnlyJsonFiles_AreLoaded()
    {
        _folder.Write("mood.v1.json", new DefinitionFileBuilder().WithKey("mood")).Write("README.md", "# Not a definition");

        Assert.Single(new FileSurveyCatalogue(_folder.Path).All);
    }

    [Fact]
    public void All_ListsEveryLoadedVersion_ByMeasureThenKeyThenVersion()
    {
        _folder
            .Write("rapport.v1.json", new DefinitionFileBuilder().WithKey("rapport").ForMeasure("alliance"))
            .Write("mood.v2.json", new DefinitionFileBuilder().WithKey("mood").WithVersion(2))
            .Write("mood.v1.json", new DefinitionFileBuilder().WithKey("mood"));

        var all = new FileSurveyCatalogue(_folder.Path).All;

        Assert.Equal([("mood", 1), ("mood", 2), ("rapport", 1)], all.Select(s => (s.Key, s.Version)));
    }
}
