using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Members;

namespace Wellbeing.Application.Clients;

public static class SignedInMember
{
    /// <summary>The member behind a sign-in account; a deleted or unlinked account finds nothing, which is a 404.</summary>
    public static async Task<Member> OfUserAsync(this IRepository<Member> members, string userId, CancellationToken cancellationToken, bool forUpdate = false) =>
        await members.FirstOrDefaultAsync(new MemberByUserIdSpec(userId, forUpdate), cancellationToken)
            ?? throw new NotFoundException("Member");

    public static async Task<Hub> OfMemberAsync(this IRepository<Hub> hubs, Member member, CancellationToken cancellationToken) =>
        await hubs.FirstOrDefaultAsync(new HubByIdSpec(member.HubId), cancellationToken)
            ?? throw new NotFoundException("Hub");
}
