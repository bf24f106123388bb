using System.Diagnostics.CodeAnalysis;

namespace Wellbeing.AcceptanceTests.Runner;

/// <summary>
/// Binds a method to the steps whose text matches <see cref="Pattern"/>, a regular expression matched
/// against the whole step text. Each capture group becomes one method parameter.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public abstract class StepAttribute([StringSyntax(StringSyntaxAttribute.Regex)] string pattern) : Attribute
{
    public string Pattern { get; } = pattern;

    public abstract StepKind Kind { get; }
}

public sealed class GivenAttribute([StringSyntax(StringSyntaxAttribute.Regex)] string pattern) : StepAttribute(pattern)
{
    public override StepKind Kind => StepKind.Given;
}

public sealed class WhenAttribute([StringSyntax(StringSyntaxAttribute.Regex)] string pattern) : StepAttribute(pattern)
{
    public override StepKind Kind => StepKind.When;
}

public sealed class ThenAttribute([StringSyntax(StringSyntaxAttribute.Regex)] string pattern) : StepAttribute(pattern)
{
    public override StepKind Kind => StepKind.Then;
}
