using Wellbeing.Domain.Statistics;

namespace Wellbeing.Application.Statistics.Commands.PublishClosedPeriods;

/// <summary>
/// Set-based reads of the submission tables for publication: the database groups and returns counts and sums,
/// never a person's rows. Only the publication may use it; HR use cases read published blocks.
/// </summary>
public interface IPeriodSource
{
    /// <summary>
    /// The hub's counts and sums for submissions made in [period.Start, period.End) (UTC), with the departments and
    /// enrolment as they stand when it runs.
    /// </summary>
    Task<PeriodStatistics> ReadAsync(Guid hubId, ReportingPeriod period, CancellationToken cancellationToken);
}
