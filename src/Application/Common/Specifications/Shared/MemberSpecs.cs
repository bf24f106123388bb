using Ardalis.Specification;
using Wellbeing.Domain.Members;

namespace Wellbeing.Application.Common.Specifications.Shared;

public sealed class MemberByUserIdSpec : Specification<Member>
{
    public MemberByUserIdSpec(string userId, bool forUpdate = false) =>
        Query.Where(m => m.UserId == userId).AsTracking(forUpdate).AsNoTracking(!forUpdate);
}

public sealed class MembersByIdsSpec : Specification<Member>
{
    public MembersByIdsSpec(IReadOnlyCollection<Guid> ids) => Query.Where(m => ids.Contains(m.Id)).AsNoTracking();
}

public sealed class ActiveMemberByIdSpec : Specification<Member>
{
    public ActiveMemberByIdSpec(Guid id) => Query.Where(m => m.Id == id && m.DeactivatedAt == null).AsNoTracking();
}

/// <summary>The hub's active members: counted for the hubs list and as the base of an import's deactivation limit.</summary>
public sealed class ActiveMembersOfHubSpec : Specification<Member>
{
    public ActiveMembersOfHubSpec(Guid hubId) => Query.Where(m => m.HubId == hubId && m.DeactivatedAt == null).AsNoTracking();
}

public sealed class MemberByIdSpec : Specification<Member>
{
    public MemberByIdSpec(Guid id, bool forUpdate = false) =>
        Query.Where(m => m.Id == id).AsTracking(forUpdate).AsNoTracking(!forUpdate);
}
