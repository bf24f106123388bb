using Wellbeing.Domain.Common;

namespace Wellbeing.Domain.Statistics;

/// <summary>The figures a period block holds; HR pages, the export, the API and tests name cells by these.</summary>
public static class Metrics
{
    /// <summary>Members of the scope enrolled at some time in the period (a count).</summary>
    public const string Enrolled = "participation.enrolled";

    /// <summary>Distinct members who filled in the Wellbeing Index in the period (a count).</summary>
    public const string Responded = "participation.responded";

    /// <summary>Responded as a whole percentage of enrolled (0-100).</summary>
    public const string ParticipationRate = "participation.rate";

    /// <summary>Mean of the respondents' period scores, 0-100, whole points; each respondent counts once.</summary>
    public const string WellbeingMean = "wellbeing.mean";

    /// <summary>Share of respondents per bracket of their period score, whole percent; category Poor, Moderate or Good.</summary>
    public const string WellbeingDistribution = "wellbeing.distribution";

    /// <summary>
    /// Share of the respondents who also have an earlier score, per direction of their period score against their
    /// first score, whole percent; category Improving, Stable or Declining.
    /// </summary>
    public const string WellbeingTrend = "wellbeing.trend";

    /// <summary>Mean Professional Alliance score of the period's ratings, 1-7, two decimals; whole hub only.</summary>
    public const string AllianceMean = "alliance.mean";
}

/// <summary>
/// One published figure of a period block: a metric of <see cref="Metrics"/> for one <see cref="Scope"/> (and a
/// category for shares). A hidden cell has neither value nor count of people, so "nobody" and "a few" read the same.
/// </summary>
public sealed class Cell
{
    /// <summary>The scope as stored: its department, none for the whole hub.</summary>
    private string? _department;

    private Scope? _scope;

    private Cell()
    {
        Metric = string.Empty;
    }

    /// <exception cref="DomainException">Only one of value and people is given.</exception>
    public Cell(string metric, Scope scope, decimal? value, int? people, string? category = null)
    {
        if ((value is null) != (people is null))
        {
            throw new DomainException("A published cell has both a value and its count of people, or neither.");
        }

        Metric = metric;
        _department = scope.Department;
        Value = value;
        People = people;
        Category = category;
    }

    public static Cell Hidden(string metric, Scope scope, string? category = null) => new(metric, scope, null, null, category);

    public string Metric { get; private set; }
    /// <summary>Built once per loaded cell: the HR page and the API compare every cell's scope on each request.</summary>
    public Scope Scope => _scope ??= _department is null ? Scope.WholeHub : Scope.OfDepartment(_department);

    /// <summary>A bracket or trend direction for a share; null otherwise.</summary>
    public string? Category { get; private set; }

    public decimal? Value { get; private set; }

    /// <summary>Distinct people behind the value.</summary>
    public int? People { get; private set; }

    public bool IsHidden => Value is null;
}
