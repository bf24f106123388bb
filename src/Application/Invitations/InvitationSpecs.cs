using Ardalis.Specification;
using Wellbeing.Domain.Invitations;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Messaging;
using Wellbeing.Domain.Professionals;

namespace Wellbeing.Application.Invitations;

public sealed class InvitationByIdSpec : Specification<Invitation>
{
    public InvitationByIdSpec(Guid id, bool forUpdate) => Query.Where(i => i.Id == id).AsTracking(forUpdate).AsNoTracking(!forUpdate);
}

/// <summary>Tracked: the outbox stores each one's new link secret.</summary>
public sealed class InvitationsByIdsSpec : Specification<Invitation>
{
    public InvitationsByIdsSpec(IReadOnlyCollection<Guid> ids) => Query.Where(i => ids.Contains(i.Id)).AsTracking();
}

/// <summary>Invitations of the hub neither used nor withdrawn (expired ones included: they may be sent again), newest first.</summary>
public sealed class OpenInvitationsOfHubSpec : Specification<Invitation>
{
    public OpenInvitationsOfHubSpec(Guid hubId) =>
        Query.Where(i => i.HubId == hubId && i.UsedAt == null && i.WithdrawnAt == null).OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id).AsNoTracking();
}

/// <summary>A pending invitation (not used, withdrawn or expired at <paramref name="now"/>) of the hub to this address.</summary>
public sealed class PendingInvitationToSpec : Specification<Invitation>
{
    public PendingInvitationToSpec(Guid hubId, string email, DateTimeOffset now) =>
        Query.Where(i => i.HubId == hubId && i.Email == email && i.UsedAt == null && i.WithdrawnAt == null && i.ExpiresAt > now).AsNoTracking();
}

/// <summary>A pending member invitation: whom it is for and the address it went to.</summary>
public sealed record PendingMemberInvitation(Guid? MemberId, string Email);

/// <summary>The members of the hub that a pending invitation (at <paramref name="now"/>) is for, with the address it went to.</summary>
public sealed class InvitedMemberIdsSpec : Specification<Invitation, PendingMemberInvitation>
{
    public InvitedMemberIdsSpec(Guid hubId, DateTimeOffset now)
    {
        Query.Where(i => i.HubId == hubId && i.MemberId != null && i.UsedAt == null && i.WithdrawnAt == null && i.ExpiresAt > now).AsNoTracking();
        Query.Select(i => new PendingMemberInvitation(i.MemberId, i.Email));
    }
}

/// <summary>The messages of an invitation not yet sent or withdrawn: a resend or withdrawal settles them.</summary>
public sealed class UnsettledInvitationMessagesSpec : Specification<OutboxMessage>
{
    public UnsettledInvitationMessagesSpec(Guid invitationId) =>
        Query.Where(m => m.InvitationId == invitationId && m.SentAt == null && m.WithdrawnAt == null).AsTracking();
}

/// <summary>The active members of the hub without a sign-in account, oldest enrolment first.</summary>
public sealed class MembersWithoutAccountSpec : Specification<Member>
{
    public MembersWithoutAccountSpec(Guid hubId) =>
        Query.Where(m => m.HubId == hubId && m.UserId == null && m.DeactivatedAt == null).OrderBy(m => m.EnrolledAt).ThenBy(m => m.Id).AsNoTracking();
}

public sealed class MemberOfHubByExternalIdSpec : Specification<Member>
{
    public MemberOfHubByExternalIdSpec(Guid hubId, string externalId) => Query.Where(m => m.HubId == hubId && m.ExternalId == externalId).AsNoTracking();
}

/// <summary>The professional an invitation is for, without their hubs; tracked <paramref name="forUpdate"/>: accepting links them to the new account.</summary>
public sealed class ProfessionalByIdSpec : Specification<Professional>
{
    public ProfessionalByIdSpec(Guid id, bool forUpdate) => Query.Where(p => p.Id == id).AsTracking(forUpdate).AsNoTracking(!forUpdate);
}
