namespace Wellbeing.Domain.Aggregates;

/// <summary>
/// What the database grouped for one hub, before any privacy rule: counts and sums per department, never a person's
/// identity. A null department is the people with no department, who count towards the hub but are never shown apart.
/// </summary>
public sealed record HubStatistics(
    IReadOnlyList<EnrolmentFigures> Enrolment,
    IReadOnlyList<MonthFigures> Months,
    IReadOnlyList<ResponderFigures> Responders,
    MeanFigures Alliance);

/// <summary>Active members of a department, and how many of them have filled in the Wellbeing Index at least once.</summary>
public sealed record EnrolmentFigures(string? Department, int Enrolled, int Responded);

/// <summary>The Wellbeing Index submissions of one department in one month.</summary>
public sealed record MonthFigures(string? Department, string Period, decimal Sum, int Submissions, int People);

/// <summary>One responder's first and latest Wellbeing Index score, anonymous: used only to count brackets and trends.</summary>
public sealed record ResponderFigures(string? Department, int Submissions, decimal FirstScore, decimal LatestScore);

public sealed record MeanFigures(decimal Sum, int Submissions, int People)
{
    public static readonly MeanFigures None = new(0, 0, 0);
}
