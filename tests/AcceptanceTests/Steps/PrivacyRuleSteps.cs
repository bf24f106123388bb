using System.Globalization;
using Wellbeing.AcceptanceTests.Runner;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Statistics;

namespace Wellbeing.AcceptanceTests.Steps;

/// <summary>
/// The privacy rules of a month's block, checked on the composer the publication runs: a month's answers go in as the
/// database would group them, the block's cells come out, and the steps read them as HR would.
/// </summary>
public sealed class PrivacyRuleSteps
{
    private HubSettings _settings = HubSettings.Defaults();
    private IReadOnlyList<Cell> _cells = [];

    [Given("^a hub with the default privacy rules$")]
    public void DefaultRules() => _settings = HubSettings.Defaults();

    /// <summary>Each listed score is one person's only answer of the month; everyone enrolled in a department answered.</summary>
    [When("^a month's answers were:$")]
    public void AnswersWere(StepTable table) =>
        Compose(table.Rows.Select(r => (r["department"], r["scores"].Split(',').Select(s => int.Parse(s.Trim(), CultureInfo.InvariantCulture)).ToList())));

    /// <summary>Each department's people answered alternately in the Moderate and the Good bracket.</summary>
    [When("^a month's answers came from:$")]
    public void AnswersCameFrom(StepTable table) =>
        Compose(table.Rows.Select(r => (r["department"], Enumerable.Range(0, int.Parse(r["people"], CultureInfo.InvariantCulture)).Select(i => i % 2 == 0 ? 40 : 80).ToList())));

    [Then("^the figures of (\\w+) are (shown|hidden)$")]
    public void FiguresAre(string department, string shown)
    {
        var cells = Of(department).Where(c => c.Metric is Metrics.Responded or Metrics.ParticipationRate or Metrics.Enrolled).ToList();
        Assert.Equal(3, cells.Count);
        Assert.All(cells, c => Assert.Equal(shown == "hidden", c.IsHidden));
    }

    [Then("^the mean and the distribution of (\\w+) are hidden$")]
    public void MeanAndDistributionHidden(string department) =>
        Assert.All(Of(department).Where(c => c.Metric is Metrics.WellbeingDistribution or Metrics.WellbeingMean), c => Assert.True(c.IsHidden));

    /// <summary>Every cell, hidden or not, with the department's name being the only difference.</summary>
    [Then("^the figures of (\\w+) read exactly like those of (\\w+)$")]
    public void ReadAlike(string department, string other)
    {
        static IEnumerable<(string, string?, decimal?, int?)> Figures(IEnumerable<Cell> cells) => cells.Select(c => (c.Metric, c.Category, c.Value, c.People));
        Assert.NotEmpty(Of(department));
        Assert.Equal(Figures(Of(other)), Figures(Of(department)));
    }

    [Then("""^only these departments are shown: "([^"]*)"$""")]
    public void OnlyTheseShown(string departments) =>
        Assert.Equal(departments.Split(", "), ShownDepartments().Select(c => c.Scope.Department));

    /// <summary>What anyone can compute from the published cells: the hub's respondents minus those of every shown department.</summary>
    [Then("^the whole hub minus the shown departments leaves none or at least (\\d+) people$")]
    public void Remainder(int k)
    {
        var hub = _cells.Single(c => c.Metric == Metrics.Responded && c.Scope.IsWholeHub);
        var remainder = hub.Value!.Value - ShownDepartments().Sum(c => c.Value!.Value);
        Assert.True(remainder == 0 || remainder >= k, $"{remainder} people are left over");
    }

    private void Compose(IEnumerable<(string Department, List<int> Scores)> departments)
    {
        var list = departments.ToList();
        var statistics = new PeriodStatistics(
            [.. list.Select(d => new DepartmentEnrolment(d.Department, d.Scores.Count))],
            [.. list.SelectMany(d => d.Scores.Select(score => new RespondentGroup(d.Department, score, 1, null, 1)))],
            AllianceFigures.None);
        _cells = BlockComposer.Compose(statistics, _settings);
    }

    private List<Cell> Of(string department) => [.. _cells.Where(c => c.Scope == Scope.OfDepartment(department))];

    private IEnumerable<Cell> ShownDepartments() =>
        _cells.Where(c => c.Metric == Metrics.Responded && !c.Scope.IsWholeHub && !c.IsHidden).OrderBy(c => c.Scope.Department, StringComparer.Ordinal);
}
