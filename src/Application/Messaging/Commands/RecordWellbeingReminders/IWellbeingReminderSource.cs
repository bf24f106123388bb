using Wellbeing.Domain.Members;

namespace Wellbeing.Application.Messaging.Commands.RecordWellbeingReminders;

/// <summary>A member who may be due, with the UTC time of their latest Wellbeing Index (null: none yet).</summary>
public sealed record ReminderCandidate(Member Member, DateTimeOffset? LatestSubmittedAt);

/// <summary>The set-based read behind <see cref="RecordWellbeingRemindersHandler"/>.</summary>
public interface IWellbeingReminderSource
{
    /// <summary>
    /// The hub's members, read-only, whose latest Wellbeing Index was submitted before <paramref name="latestBefore"/>
    /// (UTC) or who have none, and who have no Wellbeing Index reminder recorded since that latest index (or at all,
    /// when there is none): one reminder per due date, whatever becomes of it.
    /// </summary>
    Task<IReadOnlyList<ReminderCandidate>> CandidatesAsync(Guid hubId, DateTimeOffset latestBefore, CancellationToken cancellationToken);
}
