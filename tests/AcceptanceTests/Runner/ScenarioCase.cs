using Xunit.Abstractions;

namespace Wellbeing.AcceptanceTests.Runner;

/// <summary>
/// The argument of one scenario test case. xunit serializes it between discovery and execution, so it
/// carries only the scenario's address; the steps are read again from the feature file when it runs.
/// </summary>
public sealed class ScenarioCase : IXunitSerializable
{
    [Obsolete("For xunit's deserialization only.")]
    public ScenarioCase()
    {
    }

    public ScenarioCase(Scenario scenario)
    {
        FeatureUri = scenario.FeatureUri;
        Line = scenario.Line;
        Title = $"{scenario.FeatureName}: {scenario.Name}";
    }

    public string FeatureUri { get; private set; } = "";

    public int Line { get; private set; }

    public string Title { get; private set; } = "";

    public Scenario Load() =>
        FeatureFile.Load(FeatureUri).Scenarios.SingleOrDefault(scenario => scenario.Line == Line)
        ?? throw new InvalidOperationException($"{FeatureUri} has no scenario at line {Line} any more: rebuild to rediscover.");

    public void Serialize(IXunitSerializationInfo info)
    {
        info.AddValue(nameof(FeatureUri), FeatureUri);
        info.AddValue(nameof(Line), Line);
        info.AddValue(nameof(Title), Title);
    }

    public void Deserialize(IXunitSerializationInfo info)
    {
        FeatureUri = info.GetValue<string>(nameof(FeatureUri));
        Line = info.GetValue<int>(nameof(Line));
        Title = info.GetValue<string>(nameof(Title));
    }

    /// <summary>What the test explorer and <c>dotnet test</c> show as the case's argument.</summary>
    public override string ToString() => $"{Title} [{FeatureUri}:{Line}]";
}
