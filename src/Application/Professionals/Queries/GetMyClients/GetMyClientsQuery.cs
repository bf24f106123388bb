using Wellbeing.Domain.Interpretation;

namespace Wellbeing.Application.Professionals.Queries.GetMyClients;

public sealed record GetMyClientsQuery(string UserId, string? Search, int Page = 1)
{
    public const int PageSize = 25;
}

/// <param name="RowsKey">The slice's <see cref="MyClientsSlice.ContentKey"/>; null when read without the cache.</param>
public sealed record MyClientsPageDto(IReadOnlyList<MyClientRowDto> Rows, int Page, int TotalCount, string? Search, string? RowsKey = null)
{
    public int PageCount => Math.Max(1, (int)Math.Ceiling(TotalCount / (double)GetMyClientsQuery.PageSize));
}

/// <summary>A row of the clients list. A null score is shown as "?": not completed and not shared look the same.</summary>
public sealed record MyClientRowDto(
    Guid MemberId,
    string Name,
    string HubName,
    decimal? WellbeingScore,
    WellbeingBracket? WellbeingBracket,
    decimal? AllianceScore,
    IReadOnlyList<Flag> Flags);

/// <summary>
/// The professional's busiest page, so it is one read-model query: the reader resolves the professional from the
/// account and brings each row's hub along (docs/performance.md, "Clients list under load").
/// </summary>
public sealed class GetMyClientsHandler(IMyClientsReader reader)
{
    public async Task<MyClientsPageDto> Handle(GetMyClientsQuery query, CancellationToken cancellationToken)
    {
        var search = string.IsNullOrWhiteSpace(query.Search) ? null : query.Search.Trim();
        // Past the last page that an int offset can reach, every page is empty alike: clamped, the offset never overflows.
        var page = Math.Clamp(query.Page, 1, int.MaxValue / GetMyClientsQuery.PageSize);
        var slice = await reader.ReadAsync(
            new MyClientsFilter(query.UserId, search, (page - 1) * GetMyClientsQuery.PageSize, GetMyClientsQuery.PageSize),
            cancellationToken);

        var rows = slice.Rows.Select(r => new MyClientRowDto(
            r.MemberId,
            r.Name,
            r.Hub.Name,
            r.LatestWellbeing,
            r.LatestWellbeing is { } wellbeing ? WellbeingBrackets.For(wellbeing, r.Hub.Settings) : null,
            r.LatestAlliance,
            [.. Flags.ForWellbeing(r.LatestWellbeing), .. Flags.ForAlliance(r.LatestAlliance, r.PreviousAlliance, r.Hub.Settings)])).ToList();
        return new MyClientsPageDto(rows, page, slice.TotalCount, search, slice.ContentKey);
    }
}
