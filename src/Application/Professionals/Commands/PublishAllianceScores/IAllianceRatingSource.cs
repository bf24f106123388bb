using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Statistics;

namespace Wellbeing.Application.Professionals.Commands.PublishAllianceScores;

/// <summary>
/// Set-based reads of sessions, share grants and alliance ratings for the publication of professionals' own alliance
/// scores: the database groups and returns counts and sums, never a rating or a client. Only the publication may use
/// it; the professional's page reads published months.
/// </summary>
public interface IAllianceRatingSource
{
    /// <summary>When each professional's first alliance invitation opened (UTC); professionals who never invited anyone are absent.</summary>
    Task<IReadOnlyDictionary<Guid, DateTimeOffset>> FirstInvitationsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The professional's counts and sums for the sessions whose alliance invitation opened in [month.Start,
    /// month.End): a rating belongs to its session's month, whenever it was given. A client counts as not sharing when
    /// none of their alliance grants to the professional was active at any time from the month's start to
    /// <paramref name="publishedAt"/>.
    /// </summary>
    Task<AllianceMonthStatistics> ReadAsync(Guid professionalId, ReportingPeriod month, DateTimeOffset publishedAt, CancellationToken cancellationToken);
}
