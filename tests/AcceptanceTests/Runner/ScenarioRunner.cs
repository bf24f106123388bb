using System.Reflection;

namespace Wellbeing.AcceptanceTests.Runner;

/// <summary>Runs a scenario's steps in order against the step methods of a <see cref="StepCatalog"/>.</summary>
public sealed class ScenarioRunner(StepCatalog catalog)
{
    /// <param name="fixtures">Objects step class constructors may ask for (the browser, a database cluster).</param>
    public async Task RunAsync(Scenario scenario, params IEnumerable<object> fixtures)
    {
        // Bind every step before running any, so a scenario with a typo fails at once and lists all its gaps.
        var bindings = new List<(ScenarioStep Step, StepDefinition Definition)>();
        var problems = new List<string>();
        foreach (var step in scenario.Steps)
        {
            try
            {
                bindings.Add((step, catalog.Bind(step)));
            }
            catch (StepBindingException failure)
            {
                problems.Add($"{failure.Message}\n  at {scenario.FeatureUri}:{step.Line}");
            }
        }

        if (problems.Count > 0)
        {
            throw new StepBindingException(string.Join("\n", problems));
        }

        var context = new ScenarioContext(scenario);
        await using var instances = new ScenarioInstances([context, .. fixtures]);
        foreach (var (step, definition) in bindings)
        {
            await RunStepAsync(scenario, step, definition, instances);
        }
    }

    private static async Task RunStepAsync(Scenario scenario, ScenarioStep step, StepDefinition definition, ScenarioInstances instances)
    {
        var location = $"{step.Keyword} {step.Text}\n  at {scenario.FeatureUri}:{step.Line} ({definition.Name})";
        object?[] arguments;
        try
        {
            arguments = definition.ArgumentsFor(step);
        }
        catch (StepBindingException failure)
        {
            throw new StepBindingException($"{failure.Message}\n  at {scenario.FeatureUri}:{step.Line}", failure.InnerException);
        }

        try
        {
            var target = instances.Get(definition.Method.DeclaringType!);
            var result = definition.Method.Invoke(target, arguments);
            switch (result)
            {
                case Task task:
                    await task;
                    break;
                case ValueTask valueTask:
                    await valueTask;
                    break;
            }
        }
        catch (TargetInvocationException failure) when (failure.InnerException is not null)
        {
            throw new StepFailedException($"Step failed: {location}", failure.InnerException);
        }
        catch (Exception failure)
        {
            throw new StepFailedException($"Step failed: {location}", failure);
        }
    }
}
