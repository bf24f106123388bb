using Wellbeing.Domain.Messaging;

namespace Wellbeing.Application.Common.Interfaces;

/// <summary>Writes many outbox messages at once, outside any unit of work (a job recording reminders in bulk).</summary>
public interface IOutboxWriter
{
    /// <summary>
    /// Inserts each message whose <see cref="OutboxMessage.DeduplicationKey"/> is not stored yet and leaves the others
    /// alone, also when another writer stores the same key at the same moment (the database decides, not a prior read).
    /// </summary>
    /// <returns>How many were inserted.</returns>
    Task<int> AddMissingAsync(IReadOnlyCollection<OutboxMessage> messages, CancellationToken cancellationToken);
}
