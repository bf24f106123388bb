using Xunit.Abstractions;
using Xunit.Sdk;

namespace Wellbeing.AcceptanceTests.Runner;

/// <summary>Used by xunit for <see cref="ScenariosAttribute"/>: one test case per Gherkin pickle.</summary>
public sealed class ScenarioDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var methodDisplay = discoveryOptions.MethodDisplayOrDefault();
        var methodDisplayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        IReadOnlyList<FeatureFile> features;
        try
        {
            features = FeatureFile.LoadAll();
        }
        catch (FormatException failure)
        {
            // Surfaces a broken feature file as a failing test instead of silently discovering nothing.
            return [new ExecutionErrorTestCase(diagnosticMessageSink, methodDisplay, methodDisplayOptions, testMethod, failure.Message)];
        }

        return features
            .SelectMany(feature => feature.Scenarios)
            .Select(scenario => new XunitTestCase(
                diagnosticMessageSink, methodDisplay, methodDisplayOptions, testMethod, [new ScenarioCase(scenario)]))
            .ToList();
    }
}
