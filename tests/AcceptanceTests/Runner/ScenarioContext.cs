namespace Wellbeing.AcceptanceTests.Runner;

/// <summary>
/// State of one running scenario. Step classes of the same scenario receive the same instance, so one
/// class can leave a value (the signed-in page, a created hub) for another.
/// </summary>
public sealed class ScenarioContext(Scenario scenario)
{
    private readonly Dictionary<string, object?> _values = [];

    public Scenario Scenario { get; } = scenario;

    public void Set<T>(string key, T value) => _values[key] = value;

    public T Get<T>(string key) =>
        _values.TryGetValue(key, out var value)
            ? (T)value!
            : throw new KeyNotFoundException($"No scenario value '{key}': an earlier step should have set it.");

    public bool TryGet<T>(string key, out T value)
    {
        if (_values.TryGetValue(key, out var stored) && stored is T typed)
        {
            value = typed;
            return true;
        }

        value = default!;
        return false;
    }
}
