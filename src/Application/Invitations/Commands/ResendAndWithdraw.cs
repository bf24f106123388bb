using Wellbeing.Application.Auditing;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Domain.Auditing;
using Wellbeing.Application.Invitations.Queries;
using Wellbeing.Domain.Invitations;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Messaging;
using Wellbeing.Domain.Professionals;

namespace Wellbeing.Application.Invitations.Commands;

public sealed record ResendInvitationCommand(Guid HubId, Guid InvitationId);

public sealed record WithdrawInvitationCommand(Guid HubId, Guid InvitationId);

/// <summary>
/// Sends an invitation's e-mail again with a new link and a new expiry (the setting's lifetime from now, also after it
/// expired); the e-mails not yet sent are withdrawn, and the link of the earlier one stops working once the new one is
/// rendered.
/// </summary>
/// <exception cref="NotFoundException">No such invitation in this hub.</exception>
/// <exception cref="Wellbeing.Domain.Common.DomainException">It was accepted or withdrawn, or its person has an account or another address since (<see cref="Invitation.StillFor"/>).</exception>
/// <exception cref="ConflictException">It was accepted, withdrawn or sent again at the same moment by another request.</exception>
public sealed class ResendInvitationHandler(
    IRepository<Invitation> invitations,
    IRepository<Member> members,
    IRepository<Professional> professionals,
    IRepository<OutboxMessage> outbox,
    IAuditLog audit,
    IUnitOfWork unitOfWork,
    InvitationSettings settings,
    TimeProvider clock)
{
    public async Task Handle(ResendInvitationCommand command, CancellationToken cancellationToken)
    {
        var invitation = await InvitationChanges.FindAsync(invitations, command.HubId, command.InvitationId, cancellationToken);
        var (member, professional, _) = await InvitationLinks.PersonAsync(invitation, InvitationLinkDto.Broken, members, professionals, forUpdate: false, cancellationToken);
        invitation.EnsureStillForPerson(member, professional);
        var now = clock.GetUtcNow();
        invitation.Renew(now, settings.Lifetime);
        await InvitationChanges.WithdrawUnsentAsync(outbox, invitation.Id, now, cancellationToken);
        outbox.Add(OutboxMessage.ForInvitation(invitation.HubId, invitation.Id, invitation.ExpiresAt, now));
        audit.Record(AuditAction.InvitationResent, invitation.HubId, invitation.Id.ToString());
        await unitOfWork.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>Stops an invitation's link from working and withdraws its e-mails not yet sent.</summary>
/// <exception cref="NotFoundException">No such invitation in this hub.</exception>
/// <exception cref="Wellbeing.Domain.Common.DomainException">It was accepted.</exception>
/// <exception cref="ConflictException">It was accepted at the same moment.</exception>
public sealed class WithdrawInvitationHandler(IRepository<Invitation> invitations, IRepository<OutboxMessage> outbox, IAuditLog audit, IUnitOfWork unitOfWork, TimeProvider clock)
{
    public async Task Handle(WithdrawInvitationCommand command, CancellationToken cancellationToken)
    {
        var invitation = await InvitationChanges.FindAsync(invitations, command.HubId, command.InvitationId, cancellationToken);
        var now = clock.GetUtcNow();
        invitation.Withdraw(now);
        await InvitationChanges.WithdrawUnsentAsync(outbox, invitation.Id, now, cancellationToken);
        audit.Record(AuditAction.InvitationWithdrawn, invitation.HubId, invitation.Id.ToString());
        await unitOfWork.SaveChangesAsync(cancellationToken);
    }
}

internal static class InvitationChanges
{
    /// <summary>Adds a new invitation with its e-mail (due at <paramref name="now"/>) and its audit entry, for the caller's save.</summary>
    public static void Send(Invitation invitation, IRepository<Invitation> invitations, IRepository<OutboxMessage> outbox, IAuditLog audit, DateTimeOffset now)
    {
        invitations.Add(invitation);
        outbox.Add(OutboxMessage.ForInvitation(invitation.HubId, invitation.Id, invitation.ExpiresAt, now));
        audit.Record(AuditAction.InvitationSent, invitation.HubId, invitation.Id.ToString());
    }

    /// <summary>The invitation, tracked; another hub's is not found, as if it did not exist.</summary>
    public static async Task<Invitation> FindAsync(IRepository<Invitation> invitations, Guid hubId, Guid invitationId, CancellationToken cancellationToken) =>
        await invitations.FirstOrDefaultAsync(new InvitationByIdSpec(invitationId, forUpdate: true), cancellationToken) is { } invitation && invitation.HubId == hubId
            ? invitation
            : throw new NotFoundException("Invitation");

    /// <summary>Withdraws, at <paramref name="now"/> (UTC), the invitation's e-mails not yet sent, for the caller's save: the outbox skips them.</summary>
    public static async Task WithdrawUnsentAsync(IRepository<OutboxMessage> outbox, Guid invitationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var message in await outbox.ListAsync(new UnsettledInvitationMessagesSpec(invitationId), cancellationToken))
        {
            message.Withdraw(now);
        }
    }
}
