using Wellbeing.Application.Administration.Common;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Domain.Members;

namespace Wellbeing.Application.Administration.Queries.GetHubMember;

public sealed record GetHubMemberQuery(Guid HubId, Guid MemberId);

/// <summary>One member of a hub as the administrator's list shows them, e.g. to redraw a refused change.</summary>
public sealed class GetHubMemberHandler(IRepository<Member> members)
{
    /// <exception cref="NotFoundException">No member of this hub has this id.</exception>
    public async Task<MemberRowDto> Handle(GetHubMemberQuery query, CancellationToken cancellationToken) =>
        MemberRowDto.From(await members.FirstOrDefaultAsync(new MemberOfHubSpec(query.HubId, query.MemberId), cancellationToken) ?? throw new NotFoundException("Member"));
}
