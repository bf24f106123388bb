namespace Wellbeing.AcceptanceTests.Runner;

/// <summary>One runnable scenario: a Gherkin pickle with its background and, for outlines, one example row.</summary>
public sealed record Scenario(
    string FeatureUri,
    string FeatureName,
    string Name,
    int Line,
    IReadOnlyList<string> Tags,
    IReadOnlyList<ScenarioStep> Steps)
{
    /// <summary>Stable across runs: the feature path and the line of the scenario or example row.</summary>
    public string Id => $"{FeatureUri}:{Line}";
}

/// <param name="Keyword">As written in the feature file (And, But, *), for messages.</param>
/// <param name="Kind">What the step binds as: And and But take the kind of the step before them.</param>
public sealed record ScenarioStep(
    string Keyword,
    StepKind Kind,
    string Text,
    int Line,
    StepTable? Table,
    string? DocString)
{
    /// <summary>The step as a binding sees it, e.g. <c>Given a member</c> for an <c>And a member</c> after a Given.</summary>
    public string Display => $"{(Kind == StepKind.Any ? Keyword : Kind.ToString())} {Text}";
}
