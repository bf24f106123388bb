namespace Wellbeing.Domain.Statistics;

/// <summary>
/// What the database counted and summed for one hub and one reporting period, before any privacy rule. It never
/// names a person: respondents come as groups of people with the same department and the same figures. A null
/// department is the people without one, who count towards the whole hub but are never shown apart.
/// </summary>
public sealed record PeriodStatistics(
    IReadOnlyList<DepartmentEnrolment> Enrolment,
    IReadOnlyList<RespondentGroup> Respondents,
    AllianceFigures Alliance);

/// <summary>Members of a department enrolled at some time in the period (enrolled before its end, not deactivated before its start).</summary>
public sealed record DepartmentEnrolment(string? Department, int Enrolled);

/// <summary>
/// <paramref name="People"/> respondents of one department who each gave <paramref name="Submissions"/> Wellbeing
/// Index scores (0-100) in the period adding up to <paramref name="ScoreSum"/>, and the same
/// <paramref name="FirstScore"/>: the first score they ever gave, when that was before the period started (null for
/// someone who first answered in it). Sums and counts rather than means, so every database groups them exactly.
/// </summary>
public sealed record RespondentGroup(string? Department, decimal ScoreSum, int Submissions, decimal? FirstScore, int People)
{
    /// <summary>Each of these people's period score: the mean of their scores in the period, 0-100.</summary>
    public decimal PeriodScore => ScoreSum / Submissions;
}

/// <summary>The period's Professional Alliance ratings over the whole hub: their sum and number (1-7 each) and distinct raters.</summary>
public sealed record AllianceFigures(decimal Sum, int Ratings, int People)
{
    public static readonly AllianceFigures None = new(0, 0, 0);
}
