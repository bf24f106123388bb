using Wellbeing.AcceptanceTests.Runner;
using Wellbeing.Domain.Aggregates;
using Wellbeing.Domain.Hubs;

namespace Wellbeing.AcceptanceTests.Steps;

/// <summary>The privacy rules HR figures pass through, checked on the pure rules the refresh applies.</summary>
public sealed class PrivacySteps
{
    private PrivacyThresholds _thresholds = null!;
    private bool _shown;
    private IReadOnlySet<string> _departments = new HashSet<string>();
    private IReadOnlySet<string> _renewed = new HashSet<string>();

    [Given("^a hub with the default privacy rules$")]
    public void DefaultRules() => _thresholds = PrivacyThresholds.For(HubSettings.Defaults());

    [When("^(\\d+) people are behind a number$")]
    public void PeopleBehindANumber(int people) => _shown = PrivacyRules.MayShowNumber(people, _thresholds);

    [Then("^the number is (shown|hidden)$")]
    public void NumberIs(string shown) => Assert.Equal(shown == "shown", _shown);

    [When("^the hub has these departments:$")]
    public void Departments(StepTable table) =>
        _departments = PrivacyRules.ShowableParts(
            [.. table.Rows.Select(r => GroupPart.Of(r["department"], int.Parse(r["people"], System.Globalization.CultureInfo.InvariantCulture)))],
            _thresholds,
            distribution: false);

    [Then("^no department is shown$")]
    public void NoDepartment() => Assert.Empty(_departments);

    [Then("""^only these departments are shown: "([^"]*)"$""")]
    public void OnlyThese(string departments) =>
        Assert.Equal(departments.Split(", "), _departments.Order(StringComparer.Ordinal));

    [When("^a group of (\\d+) people are all in the Poor bracket$")]
    public void AllPoor(int people) => _shown = PrivacyRules.MayShowDistribution([people, 0, 0], _thresholds);

    [Then("^the distribution is hidden$")]
    public void DistributionHidden() => Assert.False(_shown);

    [When("^(\\d+) new (?:person has|people have) responded since the last snapshot$")]
    public void NewPeople(int people) => _shown = PrivacyRules.MayPublishNewSnapshot([people, 0], people, _thresholds);

    [Then("^(no|a) new snapshot is published$")]
    public void Published(string which) => Assert.Equal(which == "a", _shown);

    [When("^a new snapshot follows these new respondents:$")]
    public void NewRespondents(StepTable table) =>
        _renewed = PrivacyRules.DepartmentsWithNewFigures(
            [.. table.Rows.Select(r => GroupPart.Of(r["department"], int.Parse(r["new people"], System.Globalization.CultureInfo.InvariantCulture)))],
            _thresholds);

    [Then("""^only these departments get new figures: "([^"]*)"$""")]
    public void OnlyTheseRenewed(string departments) =>
        Assert.Equal(departments.Split(", "), _renewed.Order(StringComparer.Ordinal));
}
