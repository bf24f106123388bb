using Wellbeing.Domain.Common;

namespace Wellbeing.Domain.Statistics;

/// <summary>
/// What a published figure describes: the whole hub, or one department (the one segment attribute HR may narrow to).
/// People without a department count towards the whole hub and are never a scope of their own.
/// </summary>
public sealed record Scope
{
    private Scope(string? department) => Department = department;

    public static Scope WholeHub { get; } = new((string?)null);

    /// <summary>The department's name; null only for <see cref="WholeHub"/>.</summary>
    public string? Department { get; }

    public bool IsWholeHub => Department is null;

    /// <exception cref="DomainException">The name is empty.</exception>
    public static Scope OfDepartment(string name) =>
        string.IsNullOrWhiteSpace(name) ? throw new DomainException("A department needs a name.") : new Scope(name.Trim());

    public override string ToString() => Department ?? "Whole hub";
}
