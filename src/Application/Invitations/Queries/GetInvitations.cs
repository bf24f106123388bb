using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Invitations;
using Wellbeing.Domain.Messaging;

namespace Wellbeing.Application.Invitations.Queries;

public sealed record GetInvitationsQuery(Guid HubId);

/// <param name="SentAt">UTC at which the outbox handed its latest e-mail (the latest sending's link) to the mail server;
/// null while that e-mail waits in the outbox.</param>
/// <param name="ExpiresAt">UTC.</param>
/// <param name="Expired">Its link no longer works; it can still be sent again.</param>
public sealed record OpenInvitationDto(Guid Id, InvitedRole Role, string Email, DateTimeOffset? SentAt, DateTimeOffset ExpiresAt, bool Expired);

/// <param name="Open">Invitations neither accepted nor withdrawn, newest first.</param>
/// <param name="MembersToInvite">Active members without an account and without a pending invitation.</param>
public sealed record InvitationsDto(Guid HubId, string HubName, IReadOnlyList<OpenInvitationDto> Open, int MembersToInvite);

/// <summary>The hub's invitation page: what is open and how many members "invite every member" would invite.</summary>
/// <exception cref="NotFoundException">No such hub.</exception>
public sealed class GetInvitationsHandler(
    IRepository<Hub> hubs, IRepository<Invitation> invitations, IMembersToInvite membersToInvite, IRepository<OutboxMessage> outbox, TimeProvider clock)
{
    public async Task<InvitationsDto> Handle(GetInvitationsQuery query, CancellationToken cancellationToken)
    {
        var hub = await hubs.FirstOrDefaultAsync(new HubByIdSpec(query.HubId), cancellationToken) ?? throw new NotFoundException("Hub");
        var now = clock.GetUtcNow();
        var open = await invitations.ListAsync(new OpenInvitationsOfHubSpec(hub.Id), cancellationToken);

        // Each sending records a new e-mail and settles the unsent earlier ones, so the latest e-mail is the one whose
        // link works now: "sent" is when that one left, not when an earlier link did. No e-mail of an open invitation is
        // older than the oldest open invitation, which bounds the read.
        List<InvitationEmail> emails = open.Count == 0 ? [] : await outbox.ListAsync(new InvitationEmailsOfHubSpec(hub.Id, open.Min(i => i.CreatedAt)), cancellationToken);
        var latestEmails = emails.GroupBy(e => e.InvitationId).ToDictionary(g => g.Key, g => g.MaxBy(e => e.CreatedAt)!);
        return new InvitationsDto(
            hub.Id,
            hub.Name,
            [.. open.Select(i => new OpenInvitationDto(i.Id, i.Role, i.Email, latestEmails.GetValueOrDefault(i.Id)?.SentAt, i.ExpiresAt, i.StateAt(now) == InvitationState.Expired))],
            await membersToInvite.CountAsync(hub.Id, now, cancellationToken));
    }
}
