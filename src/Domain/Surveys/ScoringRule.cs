using System.Globalization;
using Wellbeing.Domain.Common;

namespace Wellbeing.Domain.Surveys;

/// <summary>
/// The closed set of scoring rules the instruments need: <c>sum</c>, <c>sum_times(f)</c> and <c>mean</c>
/// (reversed items are already turned round when a rule sees the values).
/// </summary>
public sealed record ScoringRule
{
    private ScoringRule(ScoringKind kind, decimal factor)
    {
        Kind = kind;
        Factor = factor;
    }

    public ScoringKind Kind { get; }
    public decimal Factor { get; }

    public static ScoringRule Sum { get; } = new(ScoringKind.Sum, 1);
    public static ScoringRule Mean { get; } = new(ScoringKind.Mean, 1);

    public static ScoringRule SumTimes(decimal factor) =>
        factor > 0 ? new(ScoringKind.SumTimes, factor) : throw new DomainException("A scoring factor must be positive.");

    /// <summary>Reads the rule as written in a definition file: "sum", "mean" or "sum_times(4)".</summary>
    public static ScoringRule Parse(string text)
    {
        var rule = text.Trim().ToLowerInvariant();
        if (rule == "sum")
        {
            return Sum;
        }

        if (rule == "mean")
        {
            return Mean;
        }

        const string prefix = "sum_times(";
        if (rule.StartsWith(prefix, StringComparison.Ordinal) && rule.EndsWith(')')
            && decimal.TryParse(rule[prefix.Length..^1], NumberStyles.Number, CultureInfo.InvariantCulture, out var factor))
        {
            return SumTimes(factor);
        }

        throw new DomainException($"Unknown scoring rule \"{text}\": use sum, sum_times(factor) or mean.");
    }

    /// <summary>The raw score (sum or mean of the item values) and the reported total.</summary>
    public (decimal Raw, decimal Total) Apply(IReadOnlyCollection<int> values) => Kind switch
    {
        ScoringKind.Sum => (values.Sum(), values.Sum()),
        ScoringKind.SumTimes => (values.Sum(), values.Sum() * Factor),
        ScoringKind.Mean => Both(Math.Round((decimal)values.Sum() / values.Count, 2)),
        _ => throw new InvalidOperationException($"Scoring kind {Kind} has no formula."),
    };

    private static (decimal Raw, decimal Total) Both(decimal value) => (value, value);

    public override string ToString() => Kind switch
    {
        ScoringKind.SumTimes => string.Create(CultureInfo.InvariantCulture, $"sum_times({Factor})"),
        _ => Kind == ScoringKind.Sum ? "sum" : "mean",
    };
}

public enum ScoringKind
{
    Sum = 1,
    SumTimes = 2,
    Mean = 3,
}
