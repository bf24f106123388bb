using Wellbeing.Application.Accounts;
using Wellbeing.Application.Auditing;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Invitations;
using Wellbeing.Domain.Messaging;

namespace Wellbeing.Application.Invitations.Commands;

public sealed record InviteMembersWithoutAccountCommand(Guid HubId);

/// <param name="Invited">Members invited now.</param>
/// <param name="AddressInUse">Members left out because their address already signs in to an account (of another hub or role).</param>
public sealed record MembersInvited(int Invited, int AddressInUse);

/// <summary>
/// Invites every active member of the hub who has no account and no pending invitation (members enrolled by the CSV
/// import, or whose invitation expired or was withdrawn), in one transaction: one invitation and one outbox message each.
/// </summary>
/// <exception cref="NotFoundException">No such hub.</exception>
public sealed class InviteMembersWithoutAccountHandler(
    IRepository<Hub> hubs,
    IMembersToInvite membersToInvite,
    IRepository<Invitation> invitations,
    IRepository<OutboxMessage> outbox,
    IAccountRegistration accounts,
    IAuditLog audit,
    IUnitOfWork unitOfWork,
    InvitationSettings settings,
    TimeProvider clock)
{
    public async Task<MembersInvited> Handle(InviteMembersWithoutAccountCommand command, CancellationToken cancellationToken)
    {
        _ = await hubs.FirstOrDefaultAsync(new HubByIdSpec(command.HubId), cancellationToken) ?? throw new NotFoundException("Hub");
        var now = clock.GetUtcNow();
        var candidates = await membersToInvite.ListAsync(command.HubId, now, cancellationToken);
        var inUse = await accounts.AddressesInUseAsync([.. candidates.Select(m => m.Email)], cancellationToken);
        var invited = 0;
        foreach (var member in candidates.Where(m => !inUse.Contains(m.Email)))
        {
            InvitationChanges.Send(new Invitation(command.HubId, InvitedRole.Member, member.Email, member.Id, now, settings.Lifetime), invitations, outbox, audit, now);
            invited++;
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new MembersInvited(invited, candidates.Count - invited);
    }
}
