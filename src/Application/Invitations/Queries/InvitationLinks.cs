using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Invitations;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Professionals;

namespace Wellbeing.Application.Invitations.Queries;

/// <summary>What an invitation link can do when it is opened or posted.</summary>
public enum InvitationLinkState
{
    /// <summary>The link is the invitation's latest and the invitation is pending: it sets a password.</summary>
    Works,

    Used,
    Withdrawn,
    Expired,

    /// <summary>Mistyped, tampered with, or replaced by a newer e-mail of the same invitation: it names no working secret.</summary>
    Broken,
}

/// <summary>An invitation link as its holder sees it.</summary>
/// <param name="HubName">Null when <see cref="InvitationLinkState.Broken"/>.</param>
/// <param name="Email">The address the account signs in with; only when the link <see cref="InvitationLinkState.Works"/>.</param>
public sealed record InvitationLinkDto(InvitationLinkState State, InvitedRole? Role, string? HubName, string? Email)
{
    public static readonly InvitationLinkDto Broken = new(InvitationLinkState.Broken, null, null, null);
}

public sealed record GetInvitationLinkQuery(string Token);

/// <summary>Reads an invitation link for its page; changes nothing.</summary>
public sealed class GetInvitationLinkHandler(IRepository<Invitation> invitations, IRepository<Hub> hubs, IRepository<Member> members, IRepository<Professional> professionals, TimeProvider clock)
{
    public async Task<InvitationLinkDto> Handle(GetInvitationLinkQuery query, CancellationToken cancellationToken)
    {
        var (invitation, link) = await InvitationLinks.ReadAsync(query.Token, invitations, hubs, clock.GetUtcNow(), forUpdate: false, cancellationToken);
        return invitation is null || link.State != InvitationLinkState.Works
            ? link
            : (await InvitationLinks.PersonAsync(invitation, link, members, professionals, forUpdate: false, cancellationToken)).Link;
    }
}

public static class InvitationLinks
{
    /// <summary>
    /// The invitation a token names and where its link stands at <paramref name="now"/>. A token whose secret is not the
    /// invitation's latest says nothing about the invitation (<see cref="InvitationLinkDto.Broken"/>, no invitation).
    /// </summary>
    public static async Task<(Invitation? Invitation, InvitationLinkDto Link)> ReadAsync(
        string token, IRepository<Invitation> invitations, IRepository<Hub> hubs, DateTimeOffset now, bool forUpdate, CancellationToken cancellationToken)
    {
        if (!Invitation.TryReadToken(token, out var id, out var secret)
            || await invitations.FirstOrDefaultAsync(new InvitationByIdSpec(id, forUpdate), cancellationToken) is not { } invitation
            || !invitation.Admits(secret))
        {
            return (null, InvitationLinkDto.Broken);
        }

        var hub = await hubs.FirstOrDefaultAsync(new HubByIdSpec(invitation.HubId), cancellationToken);
        var state = invitation.StateAt(now) switch
        {
            InvitationState.Pending => InvitationLinkState.Works,
            InvitationState.Used => InvitationLinkState.Used,
            InvitationState.Withdrawn => InvitationLinkState.Withdrawn,
            _ => InvitationLinkState.Expired,
        };
        var email = state == InvitationLinkState.Works ? invitation.Email : null;
        return (invitation, new InvitationLinkDto(state, invitation.Role, hub?.Name, email));
    }

    /// <summary>
    /// The member or professional a working link is for, and the link as it stands for them: withdrawn once they no
    /// longer fit it (<see cref="Invitation.StillFor"/>: an account of theirs exists, their address was corrected
    /// since, so the link went to somebody else, or the member was deactivated).
    /// </summary>
    public static async Task<(Member? Member, Professional? Professional, InvitationLinkDto Link)> PersonAsync(
        Invitation invitation, InvitationLinkDto link, IRepository<Member> members, IRepository<Professional> professionals, bool forUpdate, CancellationToken cancellationToken)
    {
        var member = invitation.MemberId is { } memberId ? await members.FirstOrDefaultAsync(new MemberByIdSpec(memberId, forUpdate), cancellationToken) : null;
        var professional = invitation.ProfessionalId is { } professionalId
            ? await professionals.FirstOrDefaultAsync(new ProfessionalByIdSpec(professionalId, forUpdate), cancellationToken)
            : null;
        return (member, professional, invitation.StillForPerson(member, professional) ? link : link with { State = InvitationLinkState.Withdrawn, Email = null });
    }
}
