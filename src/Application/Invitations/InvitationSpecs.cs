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

/// <summary>The messages of an invitation not yet sent or withdrawn: a resend or withdrawal settles them.</summary>
public sealed class UnsettledInvitationMessagesSpec : Specification<OutboxMessage>
{
    public UnsettledInvitationMessagesSpec(Guid invitationId) =>
        Query.Where(m => m.InvitationId == invitationId && m.SentAt == null && m.WithdrawnAt == null).AsTracking();
}

/// <summary>One e-mail of an invitation: when it was recorded and when it left (UTC; null while it waits or if it was settled unsent).</summary>
public sealed record InvitationEmail(Guid InvitationId, DateTimeOffset CreatedAt, DateTimeOffset? SentAt);

/// <summary>The hub's invitation e-mails (each sending of each invitation) recorded at or after <paramref name="since"/> (UTC).</summary>
public sealed class InvitationEmailsOfHubSpec : Specification<OutboxMessage, InvitationEmail>
{
    public InvitationEmailsOfHubSpec(Guid hubId, DateTimeOffset since)
    {
        Query.Where(m => m.HubId == hubId && m.InvitationId != null && m.CreatedAt >= since).AsNoTracking();
        Query.Select(m => new InvitationEmail(m.InvitationId!.Value, m.CreatedAt, m.SentAt));
    }
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
