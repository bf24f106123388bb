using Gherkin;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using Io.Cucumber.Messages.Types;
using Messages = Io.Cucumber.Messages.Types;

namespace Wellbeing.AcceptanceTests.Runner;

/// <summary>A parsed .feature file, compiled by the official Gherkin package into pickles.</summary>
public sealed class FeatureFile
{
    /// <summary>Where the test project copies <c>features/**/*.feature</c> from the repository root.</summary>
    public static string Root => Path.Combine(AppContext.BaseDirectory, "features");

    private FeatureFile(string uri, IReadOnlyList<Scenario> scenarios)
    {
        Uri = uri;
        Scenarios = scenarios;
    }

    /// <summary>Path relative to the repository root, e.g. <c>features/auth/SignIn.feature</c>.</summary>
    public string Uri { get; }

    public IReadOnlyList<Scenario> Scenarios { get; }

    public static IReadOnlyList<FeatureFile> LoadAll()
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }

        return Directory.EnumerateFiles(Root, "*.feature", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => Parse(UriOf(path), File.ReadAllText(path)))
            .ToList();
    }

    public static FeatureFile Load(string uri) =>
        Parse(uri, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, uri)));

    public static FeatureFile Parse(string uri, string text)
    {
        Gherkin.Ast.GherkinDocument document;
        try
        {
            document = new Parser().Parse(new StringReader(text));
        }
        catch (ParserException failure)
        {
            throw new FormatException($"{uri}: {failure.Message}", failure);
        }

        var ids = new IncrementingIdGenerator();
        var message = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(document, uri);
        if (message.Feature is null)
        {
            return new FeatureFile(uri, []);
        }

        var astSteps = AllSteps(message.Feature).ToDictionary(step => step.Id);
        var scenarios = new PickleCompiler(ids).Compile(message)
            .Select(pickle => ToScenario(uri, message.Feature.Name, pickle, astSteps))
            .ToList();
        return new FeatureFile(uri, scenarios);
    }

    private static string UriOf(string path) =>
        Path.Combine("features", Path.GetRelativePath(Root, path)).Replace(Path.DirectorySeparatorChar, '/');

    private static Scenario ToScenario(string uri, string featureName, Pickle pickle, Dictionary<string, Step> astSteps)
    {
        var steps = pickle.Steps.Select(pickleStep =>
        {
            // A pickle step keeps the ids of its source step (and example row); the first one gives keyword and line.
            var source = astSteps[pickleStep.AstNodeIds[0]];
            return new ScenarioStep(
                source.Keyword.Trim(),
                KindOf(pickleStep.Type),
                pickleStep.Text,
                (int)source.Location.Line,
                pickleStep.Argument?.DataTable is { } table ? ToTable(table) : null,
                pickleStep.Argument?.DocString?.Content);
        }).ToList();
        return new Scenario(uri, featureName, pickle.Name, (int)pickle.Location.Line, pickle.Tags.Select(tag => tag.Name).ToList(), steps);
    }

    private static StepKind KindOf(PickleStepType type) => type switch
    {
        PickleStepType.CONTEXT => StepKind.Given,
        PickleStepType.ACTION => StepKind.When,
        PickleStepType.OUTCOME => StepKind.Then,
        _ => StepKind.Any,
    };

    private static StepTable ToTable(PickleTable table) =>
        new(table.Rows.Select(row => (IReadOnlyList<string>)row.Cells.Select(cell => cell.Value).ToList()).ToList());

    private static IEnumerable<Step> AllSteps(Messages.Feature feature) =>
        feature.Children.SelectMany(child => child.Rule is { } rule
            ? rule.Children.SelectMany(ruleChild => StepsOf(ruleChild.Background, ruleChild.Scenario))
            : StepsOf(child.Background, child.Scenario));

    private static IEnumerable<Step> StepsOf(Background? background, Messages.Scenario? scenario) =>
        (background?.Steps ?? []).Concat(scenario?.Steps ?? []);
}
