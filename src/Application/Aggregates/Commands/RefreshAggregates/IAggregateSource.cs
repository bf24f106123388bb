using Wellbeing.Domain.Aggregates;

namespace Wellbeing.Application.Aggregates.Commands.RefreshAggregates;

/// <summary>
/// Set-based reads of the submission tables for the refresh: the database does the grouping and returns counts and
/// sums, never the submissions themselves. Only the refresh may use it; HR use cases read snapshots.
/// </summary>
public interface IAggregateSource
{
    /// <summary>The hub's statistics from submissions made in <paramref name="months"/> up to <paramref name="asOf"/>.</summary>
    Task<HubStatistics> ReadAsync(Guid hubId, IReadOnlyList<ReportingMonth> months, DateTimeOffset asOf, CancellationToken cancellationToken);

    /// <summary>Distinct people of a scope (the hub when <paramref name="department"/> is null) with a Wellbeing Index submission in the given months.</summary>
    Task<int> CountWellbeingPeopleAsync(Guid hubId, string? department, IReadOnlyList<ReportingMonth> months, DateTimeOffset asOf, CancellationToken cancellationToken);

    /// <summary>
    /// People whose answers entered or left the figures after <paramref name="since"/> (everyone when null): Wellbeing
    /// Index and Professional Alliance respondents, each counting the members who departed with answers of that measure
    /// (their leaving moves a figure as much as a new answer does), and distinct respondents in all, who alone make a
    /// snapshot worth publishing.
    /// </summary>
    Task<NewPeople> CountNewPeopleAsync(Guid hubId, DateTimeOffset? since, DateTimeOffset asOf, CancellationToken cancellationToken);

    /// <summary>
    /// The Wellbeing Index part of <see cref="CountNewPeopleAsync"/> per department, keyed by segment ("department=Sales";
    /// null for people without a department).
    /// </summary>
    Task<IReadOnlyList<GroupPart>> CountNewPeopleByDepartmentAsync(Guid hubId, DateTimeOffset since, DateTimeOffset asOf, CancellationToken cancellationToken);
}

public sealed record NewPeople(int Wellbeing, int Alliance, int InAll);
