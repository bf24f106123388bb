using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Interpretation;
using Wellbeing.Domain.Professionals;

namespace Wellbeing.Application.Professionals.Queries.GetMyClients;

public sealed record GetMyClientsQuery(string UserId, string? Search, int Page = 1)
{
    public const int PageSize = 25;
}

public sealed record MyClientsPageDto(IReadOnlyList<MyClientRowDto> Rows, int Page, int TotalCount, string? Search)
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

public sealed class GetMyClientsHandler(IRepository<Professional> professionals, IRepository<Hub> hubs, IMyClientsReader reader)
{
    public async Task<MyClientsPageDto> Handle(GetMyClientsQuery query, CancellationToken cancellationToken)
    {
        var professional = await professionals.FirstOrDefaultAsync(new ProfessionalByUserIdSpec(query.UserId), cancellationToken)
            ?? throw new NotFoundException("Professional");
        var hubIds = professional.Hubs.Select(h => h.HubId).ToList();
        var hubById = (await hubs.ListAsync(new HubsByIdsSpec(hubIds), cancellationToken)).ToDictionary(h => h.Id);

        var search = string.IsNullOrWhiteSpace(query.Search) ? null : query.Search.Trim();
        var page = Math.Max(1, query.Page);
        var slice = await reader.ReadAsync(
            new MyClientsFilter(professional.Id, hubIds, search, (page - 1) * GetMyClientsQuery.PageSize, GetMyClientsQuery.PageSize),
            cancellationToken);

        var rows = slice.Rows.Select(r =>
        {
            var hub = hubById[r.HubId];
            return new MyClientRowDto(
                r.MemberId,
                r.Name,
                hub.Name,
                r.LatestWellbeing,
                r.LatestWellbeing is { } wellbeing ? WellbeingBrackets.For(wellbeing, hub.Settings) : null,
                r.LatestAlliance,
                [.. Flags.ForWellbeing(r.LatestWellbeing), .. Flags.ForAlliance(r.LatestAlliance, r.PreviousAlliance, hub.Settings)]);
        }).ToList();
        return new MyClientsPageDto(rows, page, slice.TotalCount, search);
    }
}
