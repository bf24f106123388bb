using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Auditing;
using Wellbeing.Domain.Hubs;

namespace Wellbeing.Application.Auditing.Queries.GetAuditLog;

/// <param name="Page">1-based; a page past the end is empty.</param>
public sealed record GetAuditLogQuery(AuditFilter Filter, int Page);

public sealed record AuditLogDto(IReadOnlyList<AuditEntry> Entries, int Page, int PageCount, int Total, IReadOnlyList<Hub> Hubs);

/// <summary>The administrator's view of the audit log, newest first, in pages of <see cref="PageSize"/>.</summary>
public sealed class GetAuditLogHandler(IRepository<AuditEntry> entries, IRepository<Hub> hubs)
{
    public const int PageSize = 50;

    public async Task<AuditLogDto> Handle(GetAuditLogQuery query, CancellationToken cancellationToken)
    {
        var page = Math.Max(1, query.Page);
        var total = await entries.CountAsync(Matching(query.Filter, 0), cancellationToken);

        // A page far past the end is empty rather than an overflow of the offset.
        var skip = (int)Math.Min(int.MaxValue, (long)(page - 1) * PageSize);
        var rows = await entries.ListAsync(Matching(query.Filter, skip), cancellationToken);
        return new AuditLogDto(rows, page, Math.Max(1, (total + PageSize - 1) / PageSize), total, await hubs.ListAsync(new AllHubsSpec(), cancellationToken));
    }

    private static FilteredAuditEntriesSpec Matching(AuditFilter filter, int skip) =>
        new(filter.HubId, filter.UserId, filter.Action, filter.From, filter.To, skip, PageSize);
}
