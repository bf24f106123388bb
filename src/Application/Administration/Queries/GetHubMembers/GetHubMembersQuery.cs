using Wellbeing.Application.Administration.Common;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Text;

namespace Wellbeing.Application.Administration.Queries.GetHubMembers;

/// <param name="Search">Part of a name as typed; matched without regard to case, accents or Unicode form (<see cref="TextFolding.Fold"/>). Null or blank: everyone.</param>
/// <param name="Page">1-based; clamped to 1 and to what an int offset reaches.</param>
public sealed record GetHubMembersQuery(Guid HubId, string? Search, MemberStatusFilter Status = MemberStatusFilter.Active, int Page = 1)
{
    public const int PageSize = 50;
}

/// <param name="TimeZoneId">The hub's IANA zone, for showing enrolment and deactivation times.</param>
public sealed record HubMembersDto(Guid HubId, string HubName, string TimeZoneId, IReadOnlyList<MemberRowDto> Rows, int Page, int TotalCount, string? Search, MemberStatusFilter Status)
{
    public int PageCount => Math.Max(1, (int)Math.Ceiling(TotalCount / (double)GetHubMembersQuery.PageSize));
}

/// <summary>A page of a hub's members for the administrator, by name.</summary>
public sealed class GetHubMembersHandler(IRepository<Hub> hubs, IRepository<Member> members)
{
    /// <exception cref="NotFoundException">No hub has this id.</exception>
    public async Task<HubMembersDto> Handle(GetHubMembersQuery query, CancellationToken cancellationToken)
    {
        var hub = await hubs.FirstOrDefaultAsync(new HubByIdSpec(query.HubId), cancellationToken) ?? throw new NotFoundException("Hub");
        var search = string.IsNullOrWhiteSpace(query.Search) ? null : query.Search.Trim();
        var folded = search is null ? null : TextFolding.Fold(search);
        var page = Math.Clamp(query.Page, 1, int.MaxValue / GetHubMembersQuery.PageSize);
        var spec = new HubMembersPageSpec(hub.Id, folded, query.Status, (page - 1) * GetHubMembersQuery.PageSize, GetHubMembersQuery.PageSize);
        var rows = await members.ListAsync(spec, cancellationToken);
        var total = await members.CountAsync(spec, cancellationToken);
        return new HubMembersDto(hub.Id, hub.Name, hub.TimeZoneId, [.. rows.Select(MemberRowDto.From)], page, total, search, query.Status);
    }
}
