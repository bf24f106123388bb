using Ardalis.Specification;
using Wellbeing.Domain.Invitations;
using Wellbeing.Domain.Messaging;
using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Sessions;
using Wellbeing.Domain.Sharing;
using Wellbeing.Domain.Submissions;

namespace Wellbeing.Application.Clients;

// Everything here is filtered by the member's own id: a client's use cases never ask for anyone else's rows.

/// <summary>Every submission of the member with its answers and subscales, oldest first (the export; erasure).</summary>
public sealed class SubmissionsOfMemberSpec : Specification<Submission>
{
    // Split: in one query each submission would come back once per pair of answer and subscale (the alliance survey's
    // 5 items and 3 subscales make 15 rows); split, the submissions, the answers and the subscales are read once each.
    public SubmissionsOfMemberSpec(Guid memberId, bool forUpdate = false) =>
        Query.Where(s => s.MemberId == memberId).OrderBy(s => s.SubmittedAt).AsSplitQuery().AsTracking(forUpdate).AsNoTracking(!forUpdate);
}

public sealed class SessionsOfMemberSpec : Specification<CareSession>
{
    public SessionsOfMemberSpec(Guid memberId, bool forUpdate = false) =>
        Query.Where(s => s.MemberId == memberId).OrderBy(s => s.ScheduledAt).AsTracking(forUpdate).AsNoTracking(!forUpdate);
}

public sealed class SessionOfMemberSpec : Specification<CareSession>
{
    public SessionOfMemberSpec(Guid sessionId, Guid memberId, bool forUpdate = false) =>
        Query.Where(s => s.Id == sessionId && s.MemberId == memberId).AsTracking(forUpdate).AsNoTracking(!forUpdate);
}

public sealed class ConnectionsOfMemberSpec : Specification<ClientConnection>
{
    public ConnectionsOfMemberSpec(Guid memberId, bool forUpdate = false) =>
        Query.Where(c => c.MemberId == memberId).OrderBy(c => c.ConnectedAt).AsTracking(forUpdate).AsNoTracking(!forUpdate);
}

public sealed class ShareGrantsOfMemberSpec : Specification<ShareGrant>
{
    public ShareGrantsOfMemberSpec(Guid memberId, bool forUpdate = false) =>
        Query.Where(g => g.MemberId == memberId).OrderBy(g => g.GrantedAt).AsTracking(forUpdate).AsNoTracking(!forUpdate);
}

public sealed class ScoreViewsOfMemberSpec : Specification<ScoreView>
{
    public ScoreViewsOfMemberSpec(Guid memberId, bool forUpdate = false) =>
        Query.Where(v => v.MemberId == memberId).OrderByDescending(v => v.ViewedAt).AsTracking(forUpdate).AsNoTracking(!forUpdate);
}

/// <summary>Every e-mail queued for the member or carrying one of <paramref name="invitationIds"/>, sent or not; tracked, for removal with the member.</summary>
public sealed class OutboxMessagesOfMemberSpec : Specification<OutboxMessage>
{
    public OutboxMessagesOfMemberSpec(Guid memberId, IReadOnlyCollection<Guid> invitationIds) =>
        Query.Where(m => m.MemberId == memberId || (m.InvitationId != null && invitationIds.Contains(m.InvitationId.Value))).AsTracking();
}

/// <summary>The invitations that were for the member (their address among them); tracked, for removal with the member.</summary>
public sealed class InvitationsOfMemberSpec : Specification<Invitation>
{
    public InvitationsOfMemberSpec(Guid memberId) => Query.Where(i => i.MemberId == memberId).AsTracking();
}
