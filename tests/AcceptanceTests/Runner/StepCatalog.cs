using System.Reflection;

namespace Wellbeing.AcceptanceTests.Runner;

/// <summary>Every step method of a set of step classes, and the binding of scenario steps to them.</summary>
public sealed class StepCatalog
{
    private readonly IReadOnlyList<StepDefinition> _definitions;

    private StepCatalog(IReadOnlyList<StepDefinition> definitions) => _definitions = definitions;

    /// <summary>
    /// Step classes are the public top-level classes of the assembly. Nested classes are left out, which keeps
    /// the runner's own test steps (private nested classes) from leaking into the product scenarios.
    /// </summary>
    public static StepCatalog FromAssembly(Assembly assembly) =>
        FromTypes(assembly.GetExportedTypes().Where(type => type is { IsClass: true, IsAbstract: false, IsNested: false }));

    public static StepCatalog FromTypes(IEnumerable<Type> types) => new(types
        .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        .SelectMany(method => method.GetCustomAttributes<StepAttribute>().Select(attribute => new StepDefinition(method, attribute)))
        .ToList());

    public StepDefinition Bind(ScenarioStep step)
    {
        var candidates = _definitions.Where(definition => definition.Matches(step)).ToList();
        return candidates.Count switch
        {
            1 => candidates[0],
            0 => throw new StepBindingException(
                $"Undefined step: {step.Display} (write a step method with a pattern matching it)"),
            _ => throw new StepBindingException(
                $"Ambiguous step: {step.Display} matches {string.Join(" and ", candidates.Select(candidate => candidate.Name))}"),
        };
    }
}
