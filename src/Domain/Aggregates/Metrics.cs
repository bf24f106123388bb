namespace Wellbeing.Domain.Aggregates;

/// <summary>The names of the published cells; HR pages, the export and tests read cells by these names.</summary>
public static class Metrics
{
    public const string Enrolled = "participation.enrolled";
    public const string Responded = "participation.responded";
    public const string ParticipationRate = "participation.rate";
    public const string WellbeingMean = "wellbeing.mean";
    public const string WellbeingDistribution = "wellbeing.distribution";
    public const string WellbeingTrend = "wellbeing.trend";
    public const string AllianceMean = "alliance.mean";
}

/// <summary>Department is the one segment attribute; a segment cell is keyed "department=Sales".</summary>
public static class Segments
{
    private const string DepartmentPrefix = "department=";

    public static string Department(string name) => DepartmentPrefix + name;

    public static string? DepartmentName(string? segment) =>
        segment is not null && segment.StartsWith(DepartmentPrefix, StringComparison.Ordinal) ? segment[DepartmentPrefix.Length..] : null;
}
