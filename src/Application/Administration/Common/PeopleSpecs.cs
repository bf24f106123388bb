using Ardalis.Specification;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Sessions;
using Wellbeing.Domain.Sharing;

namespace Wellbeing.Application.Administration.Common;

/// <summary>Which members the administrator's list shows.</summary>
public enum MemberStatusFilter
{
    Active,
    Inactive,
    All,
}

/// <summary>
/// One page of a hub's members by name (then id, so pages never overlap), optionally those whose folded name
/// (<see cref="Member.SearchKey"/>) contains <paramref name="foldedSearch"/>; <see cref="Application.Common.Interfaces.IRepository{T}.CountAsync"/> ignores the paging.
/// </summary>
public sealed class HubMembersPageSpec : Specification<Member>
{
    public HubMembersPageSpec(Guid hubId, string? foldedSearch, MemberStatusFilter status, int skip, int take)
    {
        Query.Where(m => m.HubId == hubId);
        if (foldedSearch is not null)
        {
            Query.Where(m => m.SearchKey.Contains(foldedSearch));
        }

        if (status == MemberStatusFilter.Active)
        {
            Query.Where(m => m.DeactivatedAt == null);
        }
        else if (status == MemberStatusFilter.Inactive)
        {
            Query.Where(m => m.DeactivatedAt != null);
        }

        Query.OrderBy(m => m.DisplayName).ThenBy(m => m.Id).Skip(skip).Take(take).AsNoTracking();
    }
}

/// <summary>A member of this hub; another hub's member is not found, like one that does not exist.</summary>
public sealed class MemberOfHubSpec : Specification<Member>
{
    public MemberOfHubSpec(Guid hubId, Guid memberId, bool forUpdate = false) =>
        Query.Where(m => m.HubId == hubId && m.Id == memberId).AsTracking(forUpdate).AsNoTracking(!forUpdate);
}

/// <summary>The hub's members with this address, as <see cref="Domain.Common.EmailAddresses.Normalise"/> keeps it; at most two, enough to tell one from several.</summary>
public sealed class MembersOfHubByEmailSpec : Specification<Member>
{
    // Ordered so that which two come back does not depend on the database's plan.
    public MembersOfHubByEmailSpec(Guid hubId, string email) =>
        Query.Where(m => m.HubId == hubId && m.Email == email).OrderBy(m => m.Id).Take(2).AsNoTracking();
}

/// <summary>The professionals who work in a hub, by name, with their hub memberships.</summary>
public sealed class ProfessionalsOfHubSpec : Specification<Professional>
{
    public ProfessionalsOfHubSpec(Guid hubId) =>
        Query.Where(p => p.Hubs.Any(h => h.HubId == hubId)).Include(p => p.Hubs).OrderBy(p => p.DisplayName).ThenBy(p => p.Id).AsNoTracking();
}

/// <summary>A professional with their hub memberships, to change them.</summary>
public sealed class ProfessionalWithHubsSpec : Specification<Professional>
{
    public ProfessionalWithHubsSpec(Guid professionalId, bool forUpdate = false) =>
        Query.Where(p => p.Id == professionalId).Include(p => p.Hubs).AsTracking(forUpdate).AsNoTracking(!forUpdate);
}

/// <summary>The professional with this address, as <see cref="Domain.Common.EmailAddresses.Normalise"/> keeps it, with their hub memberships, to change them.</summary>
public sealed class ProfessionalByEmailSpec : Specification<Professional>
{
    public ProfessionalByEmailSpec(string email) =>
        Query.Where(p => p.Email == email).Include(p => p.Hubs).AsTracking();
}

/// <summary>Every client connection in a hub, or those of one professional there.</summary>
public sealed class ConnectionsInHubSpec : Specification<ClientConnection>
{
    public ConnectionsInHubSpec(Guid hubId, Guid? professionalId = null, Guid? memberId = null, bool forUpdate = false)
    {
        Query.Where(c => c.HubId == hubId);
        if (professionalId is { } professional)
        {
            Query.Where(c => c.ProfessionalId == professional);
        }

        if (memberId is { } member)
        {
            Query.Where(c => c.MemberId == member);
        }

        Query.AsTracking(forUpdate).AsNoTracking(!forUpdate);
    }
}

/// <summary>A pair's sessions in a hub that are not ended.</summary>
public sealed class OpenPairSessionsInHubSpec : Specification<CareSession>
{
    public OpenPairSessionsInHubSpec(Guid hubId, Guid memberId, Guid professionalId) =>
        Query.Where(s => s.HubId == hubId && s.MemberId == memberId && s.ProfessionalId == professionalId && s.EndedAt == null).AsNoTracking();
}

/// <summary>A pair's share grants in a hub that are still in force, to revoke them.</summary>
public sealed class ActivePairGrantsInHubSpec : Specification<ShareGrant>
{
    public ActivePairGrantsInHubSpec(Guid hubId, Guid memberId, Guid professionalId) =>
        Query.Where(g => g.HubId == hubId && g.MemberId == memberId && g.ProfessionalId == professionalId && g.RevokedAt == null).AsTracking();
}
