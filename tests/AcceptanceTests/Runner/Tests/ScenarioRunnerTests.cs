namespace Wellbeing.AcceptanceTests.Runner.Tests;

public sealed class ScenarioRunnerTests
{
    private readonly Journal _journal = new();

    [Fact]
    public async Task UndefinedStep_FailsBeforeRunning_NamingStepKindAndLine()
    {
        var scenario = Single("""
            Feature: Sign in
              Scenario: Unknown words
                Given a member named "Ann"
                And nobody wrote this step
            """);

        var failure = await Assert.ThrowsAsync<StepBindingException>(() => RunAsync(scenario, typeof(MemberSteps)));

        Assert.Equal(
            "Undefined step: Given nobody wrote this step (write a step method with a pattern matching it)\n" +
            "  at features/test.feature:4",
            failure.Message);
        Assert.Empty(_journal.Entries);
    }

    [Fact]
    public async Task AmbiguousStep_NamesEveryCandidate()
    {
        var scenario = Single("""
            Feature: Sign in
              Scenario: Two bindings
                Given a member named "Ann"
            """);

        var failure = await Assert.ThrowsAsync<StepBindingException>(
            () => RunAsync(scenario, typeof(MemberSteps), typeof(LooseSteps)));

        Assert.StartsWith(
            "Ambiguous step: Given a member named \"Ann\" matches MemberSteps.MemberNamed and LooseSteps.Anything",
            failure.Message);
    }

    [Fact]
    public async Task Captures_AreConvertedToTheParameterTypes()
    {
        var scenario = Single("""
            Feature: Scores
              Scenario: Typed values
                When 3 answers of 2.5 points and weight 0.75 are scored strictly true as Hr Manager
            """);

        await RunAsync(scenario, typeof(ScoringSteps));

        Assert.Equal(["3|2.5|0.75|True|HrManager"], _journal.Entries);
    }

    [Fact]
    public async Task AndAndBut_BindAsTheKeywordBeforeThem_AndTablesArriveLast()
    {
        var scenario = Single("""
            Feature: Members
              Scenario: Several kinds
                Given a member named "Ann"
                And a member named "Bob"
                When the members are listed
                Then the list shows
                  | name |
                  | Ann  |
                  | Bob  |
                But a member named "Eve" is not shown
            """);

        await RunAsync(scenario, typeof(MemberSteps));

        Assert.Equal(["member Ann", "member Bob", "listed", "shows Ann,Bob", "hidden Eve"], _journal.Entries);
    }

    [Fact]
    public void Outline_ExpandsToOneScenarioPerExampleRow_WithTheBackgroundFirst()
    {
        var feature = FeatureFile.Parse("features/test.feature", """
            Feature: Members
              Background:
                Given a member named "Ann"

              Scenario Outline: Listing <who>
                Given a member named "<who>"
                Then the list shows <count> members

                Examples:
                  | who | count |
                  | Bob | 2     |
                  | Cid | 2     |
            """);

        Assert.Collection(feature.Scenarios,
            first =>
            {
                Assert.Equal("Listing Bob", first.Name);
                Assert.Equal("features/test.feature:11", first.Id);
                Assert.Equal(["a member named \"Ann\"", "a member named \"Bob\"", "the list shows 2 members"],
                    first.Steps.Select(step => step.Text));
            },
            second =>
            {
                Assert.Equal("Listing Cid", second.Name);
                Assert.Equal(12, second.Line);
            });
    }

    [Fact]
    public async Task StepClasses_ShareTheScenarioContext_AndAreDisposedAfterTheScenario()
    {
        var scenario = Single("""
            Feature: Members
              Scenario: Shared state
                Given a member named "Ann"
                When the members are listed
            """);

        await RunAsync(scenario, typeof(MemberSteps));

        Assert.Equal(["member Ann", "listed", "disposed"], _journal.Entries.Append(_journal.Disposed ? "disposed" : "alive"));
    }

    [Fact]
    public async Task FailingStep_ReportsFeatureFileAndLine_AndKeepsTheCause()
    {
        var scenario = Single("""
            Feature: Members
              Scenario: Broken
                Given a member named "Ann"
                When the members are listed
                Then the list shows 5 members
            """);

        var failure = await Assert.ThrowsAsync<StepFailedException>(() => RunAsync(scenario, typeof(MemberSteps)));

        Assert.Contains("Then the list shows 5 members\n  at features/test.feature:5 (MemberSteps.ListShowsCount)", failure.Message);
        Assert.IsType<Xunit.Sdk.EqualException>(failure.InnerException);
    }

    private static Scenario Single(string text) => Assert.Single(FeatureFile.Parse("features/test.feature", text).Scenarios);

    private Task RunAsync(Scenario scenario, params Type[] stepClasses) =>
        new ScenarioRunner(StepCatalog.FromTypes(stepClasses)).RunAsync(scenario, _journal);

    private enum Role
    {
        Client,
        HrManager,
    }

    private sealed class Journal
    {
        public List<string> Entries { get; } = [];

        public bool Disposed { get; set; }
    }

    private sealed class MemberSteps(ScenarioContext context, MemberList list, Journal journal)
    {
        [Given("""a member named "([^"]*)"$""")]
        public void MemberNamed(string name)
        {
            list.Names.Add(name);
            journal.Entries.Add($"member {name}");
        }

        [When("the members are listed")]
        public async Task Listed()
        {
            await Task.Yield();
            context.Set("listed", list.Names.ToList());
            journal.Entries.Add("listed");
        }

        [Then("the list shows")]
        public void ListShows(StepTable table) =>
            journal.Entries.Add($"shows {string.Join(",", table.Rows.Select(row => row["name"]))}");

        [Then("the list shows (\\d+) members")]
        public void ListShowsCount(int count) => Assert.Equal(count, context.Get<List<string>>("listed").Count);

        [Then("""a member named "([^"]*)" is not shown""")]
        public void NotShown(string name) => journal.Entries.Add($"hidden {name}");
    }

    private sealed class MemberList(Journal journal) : IDisposable
    {
        public List<string> Names { get; } = [];

        public void Dispose() => journal.Disposed = true;
    }

    private sealed class LooseSteps
    {
        [Given("a member .*")]
        public void Anything()
        {
        }
    }

    private sealed class ScoringSteps(Journal journal)
    {
        [When(@"(\d+) answers of ([\d.]+) points and weight ([\d.]+) are scored strictly (true|false) as (.+)")]
        public void Scored(int answers, decimal points, double weight, bool strict, Role role) =>
            journal.Entries.Add(FormattableString.Invariant($"{answers}|{points}|{weight}|{strict}|{role}"));
    }
}
