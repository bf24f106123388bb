using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Application.Invitations.Commands;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Invitations;
using Wellbeing.Domain.Members;

namespace Wellbeing.Application.Invitations.Queries;

public sealed record GetInvitationsQuery(Guid HubId);

/// <param name="CreatedAt">UTC, when the invitation was recorded.</param>
/// <param name="ExpiresAt">UTC.</param>
/// <param name="Expired">Its link no longer works; it can still be sent again.</param>
public sealed record OpenInvitationDto(Guid Id, InvitedRole Role, string Email, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, bool Expired);

/// <param name="Open">Invitations neither accepted nor withdrawn, newest first.</param>
/// <param name="MembersToInvite">Active members without an account and without a pending invitation.</param>
public sealed record InvitationsDto(Guid HubId, string HubName, IReadOnlyList<OpenInvitationDto> Open, int MembersToInvite);

/// <summary>The hub's invitation page: what is open and how many members "invite every member" would invite.</summary>
/// <exception cref="NotFoundException">No such hub.</exception>
public sealed class GetInvitationsHandler(IRepository<Hub> hubs, IRepository<Invitation> invitations, IRepository<Member> members, TimeProvider clock)
{
    public async Task<InvitationsDto> Handle(GetInvitationsQuery query, CancellationToken cancellationToken)
    {
        var hub = await hubs.FirstOrDefaultAsync(new HubByIdSpec(query.HubId), cancellationToken) ?? throw new NotFoundException("Hub");
        var now = clock.GetUtcNow();
        var open = await invitations.ListAsync(new OpenInvitationsOfHubSpec(hub.Id), cancellationToken);
        var toInvite = await InviteMembersWithoutAccountHandler.MembersToInviteAsync(members, invitations, hub.Id, now, cancellationToken);
        return new InvitationsDto(
            hub.Id,
            hub.Name,
            [.. open.Select(i => new OpenInvitationDto(i.Id, i.Role, i.Email, i.CreatedAt, i.ExpiresAt, i.StateAt(now) == InvitationState.Expired))],
            toInvite.Count);
    }
}
