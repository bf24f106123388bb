using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Wellbeing.AcceptanceTests.Runner;

/// <summary>One <c>[Given]</c>/<c>[When]</c>/<c>[Then]</c> pattern on one step method.</summary>
public sealed class StepDefinition
{
    public StepDefinition(MethodInfo method, StepAttribute attribute)
    {
        Method = method;
        Kind = attribute.Kind;
        Pattern = Anchor(attribute.Pattern);
        Regex = new Regex(Pattern, RegexOptions.CultureInvariant);
    }

    public MethodInfo Method { get; }

    public StepKind Kind { get; }

    public string Pattern { get; }

    public Regex Regex { get; }

    public string Name => $"{Method.DeclaringType!.Name}.{Method.Name}";

    public bool Matches(ScenarioStep step) =>
        (step.Kind == StepKind.Any || step.Kind == Kind) && Regex.IsMatch(step.Text);

    /// <summary>Converts the captures (and the table or doc string) into the method's arguments.</summary>
    public object?[] ArgumentsFor(ScenarioStep step)
    {
        var captures = Regex.Match(step.Text).Groups.Cast<Group>().Skip(1).ToList();
        var parameters = Method.GetParameters();
        var extra = step.Table ?? (object?)step.DocString;
        var expected = captures.Count + (extra is null ? 0 : 1);
        if (parameters.Length != expected)
        {
            var what = step.Table is not null ? " plus the data table" : step.DocString is not null ? " plus the doc string" : "";
            throw new StepBindingException(
                $"{Name} takes {parameters.Length} parameter(s) but the pattern /{Pattern}/ captures {captures.Count}{what} " +
                $"for step: {step.Display}");
        }

        var arguments = captures.Select((capture, index) => Convert(capture, parameters[index])).ToList();
        if (extra is not null)
        {
            var last = parameters[^1];
            if (!last.ParameterType.IsInstanceOfType(extra))
            {
                throw new StepBindingException(
                    $"{Name}: the last parameter '{last.Name}' must be {extra.GetType().Name} to receive the step's argument.");
            }

            arguments.Add(extra);
        }

        return arguments.ToArray();
    }

    private object? Convert(Group capture, ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        if (!capture.Success)
        {
            return type.IsValueType && Nullable.GetUnderlyingType(type) is null ? Activator.CreateInstance(type) : null;
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(string))
        {
            return capture.Value;
        }

        try
        {
            // Readable enum values ("Hr Manager") bind to their member names (HrManager).
            var text = target.IsEnum ? capture.Value.Replace(" ", "") : capture.Value;
            return TypeDescriptor.GetConverter(target).ConvertFromString(null, CultureInfo.InvariantCulture, text);
        }
        catch (Exception failure) when (failure is FormatException or ArgumentException or NotSupportedException
                                            || failure.InnerException is FormatException or OverflowException)
        {
            throw new StepBindingException(
                $"{Name}: cannot convert \"{capture.Value}\" to {target.Name} for parameter '{parameter.Name}'.", failure);
        }
    }

    private static string Anchor(string pattern) =>
        (pattern.StartsWith('^') ? "" : "^") + pattern + (pattern.EndsWith('$') ? "" : "$");
}
