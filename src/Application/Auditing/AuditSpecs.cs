using Ardalis.Specification;
using Wellbeing.Domain.Auditing;

namespace Wellbeing.Application.Auditing;

/// <summary>The log's last entry, which the next one links to.</summary>
public sealed class LastAuditEntrySpec : Specification<AuditEntry>, ISingleResultSpecification<AuditEntry>
{
    public LastAuditEntrySpec() => Query.OrderByDescending(e => e.Sequence).Take(1).AsNoTracking();
}

/// <summary>Up to <paramref name="count"/> entries after <paramref name="afterSequence"/>, in order: the log read in batches.</summary>
public sealed class AuditEntriesAfterSpec : Specification<AuditEntry>
{
    public AuditEntriesAfterSpec(long afterSequence, int count) =>
        Query.Where(e => e.Sequence > afterSequence).OrderBy(e => e.Sequence).Take(count).AsNoTracking();
}

/// <summary>Entries matching the administrator's filters, newest first; any filter left null matches everything.</summary>
public sealed class FilteredAuditEntriesSpec : Specification<AuditEntry>
{
    public FilteredAuditEntriesSpec(Guid? hubId, string? userId, AuditAction? action, DateTimeOffset? from, DateTimeOffset? to, int skip, int take)
    {
        Query.AsNoTracking();
        if (hubId is not null)
        {
            Query.Where(e => e.HubId == hubId);
        }

        if (userId is not null)
        {
            Query.Where(e => e.UserId == userId);
        }

        if (action is not null)
        {
            Query.Where(e => e.Action == action);
        }

        if (from is not null)
        {
            Query.Where(e => e.At >= from);
        }

        if (to is not null)
        {
            Query.Where(e => e.At < to);
        }

        Query.OrderByDescending(e => e.Sequence).Skip(skip).Take(take);
    }
}

/// <summary>The administrator's filters of the audit log; null matches everything.</summary>
/// <param name="From">Inclusive, UTC.</param>
/// <param name="To">Exclusive, UTC.</param>
public sealed record AuditFilter(Guid? HubId, string? UserId, AuditAction? Action, DateTimeOffset? From, DateTimeOffset? To)
{
    /// <summary>
    /// The filters as the page takes them: a user id trimmed (blank is none) and whole UTC days, both included, so
    /// <paramref name="from"/> starts at its midnight and <paramref name="to"/> ends at the next. The last day there is
    /// (9999-12-31) has no next day to end before, so it leaves the log open-ended.
    /// </summary>
    public static AuditFilter OfDays(Guid? hubId, string? userId, AuditAction? action, DateOnly? from, DateOnly? to) => new(
        hubId,
        string.IsNullOrWhiteSpace(userId) ? null : userId.Trim(),
        action,
        from is { } first ? StartOf(first) : null,
        to is { } last && last < DateOnly.MaxValue ? StartOf(last.AddDays(1)) : null);

    private static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
