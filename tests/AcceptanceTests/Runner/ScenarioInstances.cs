using System.Reflection;

namespace Wellbeing.AcceptanceTests.Runner;

/// <summary>
/// The objects of one scenario: step classes are created on first use, once each, with constructor
/// parameters taken from the scenario's other instances or from the fixtures the runner was given.
/// </summary>
internal sealed class ScenarioInstances(IEnumerable<object> fixtures) : IAsyncDisposable
{
    private readonly List<object> _fixtures = fixtures.ToList();
    private readonly Dictionary<Type, object> _created = [];
    private readonly List<object> _creationOrder = [];
    private readonly HashSet<Type> _underConstruction = [];

    public object Get(Type type)
    {
        if (_created.TryGetValue(type, out var existing))
        {
            return existing;
        }

        var fixture = _fixtures.FirstOrDefault(type.IsInstanceOfType);
        if (fixture is not null)
        {
            return fixture;
        }

        if (!_underConstruction.Add(type))
        {
            throw new InvalidOperationException($"{type.Name} depends on itself through its constructor parameters.");
        }

        try
        {
            var instance = Create(type);
            _created[type] = instance;
            _creationOrder.Add(instance);
            return instance;
        }
        finally
        {
            _underConstruction.Remove(type);
        }
    }

    private object Create(Type type)
    {
        if (type.IsInterface || type.IsAbstract || type.IsValueType || type == typeof(string))
        {
            throw new InvalidOperationException(
                $"Nothing provides a {type.Name}: pass it to the runner as a fixture or take a concrete class instead.");
        }

        var constructor = type.GetConstructors().MaxBy(candidate => candidate.GetParameters().Length)
            ?? throw new InvalidOperationException($"{type.Name} needs a public constructor to be used in a scenario.");
        var arguments = constructor.GetParameters().Select(parameter => Get(parameter.ParameterType)).ToArray();
        try
        {
            return constructor.Invoke(arguments);
        }
        catch (TargetInvocationException failure) when (failure.InnerException is not null)
        {
            throw failure.InnerException;
        }
    }

    /// <summary>Disposes what the scenario created, newest first, so dependents go before what they use.</summary>
    public async ValueTask DisposeAsync()
    {
        for (var index = _creationOrder.Count - 1; index >= 0; index--)
        {
            switch (_creationOrder[index])
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }
}
