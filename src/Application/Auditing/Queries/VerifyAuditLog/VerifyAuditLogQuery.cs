using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Domain.Auditing;

namespace Wellbeing.Application.Auditing.Queries.VerifyAuditLog;

public sealed record VerifyAuditLogQuery;

/// <param name="Break">The first entry whose link does not hold; null when the whole log holds.</param>
/// <param name="Entries">With no break, how many entries the log holds.</param>
/// <param name="LastHash">With no break, the hash of the last entry (<see cref="AuditChain.Genesis"/> for an empty log):
/// noted elsewhere, it shows later whether entries were cut from the end, which the chain alone cannot.</param>
public sealed record AuditVerificationDto(AuditBreak? Break, long Entries, string LastHash);

/// <summary>Walks the whole audit log in sequence order, in batches, and reports the first broken link (<see cref="AuditChain"/>).</summary>
public sealed class VerifyAuditLogHandler(IRepository<AuditEntry> entries)
{
    private const int BatchSize = 1000;

    public async Task<AuditVerificationDto> Handle(VerifyAuditLogQuery query, CancellationToken cancellationToken)
    {
        AuditEntry? previous = null;
        long count = 0;
        while (true)
        {
            var batch = await entries.ListAsync(new AuditEntriesAfterSpec(previous?.Sequence ?? 0, BatchSize), cancellationToken);
            if (AuditChain.FirstBreak(batch, previous) is { } broken)
            {
                return new AuditVerificationDto(broken, count, string.Empty);
            }

            count += batch.Count;
            previous = batch.LastOrDefault() ?? previous;
            if (batch.Count < BatchSize)
            {
                return new AuditVerificationDto(null, count, previous is null ? AuditChain.Genesis : AuditChain.HashOf(previous));
            }
        }
    }
}
