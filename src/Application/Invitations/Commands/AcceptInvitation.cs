using Wellbeing.Application.Accounts;
using Wellbeing.Application.Auditing;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Application.Invitations.Queries;
using Wellbeing.Domain.Auditing;
using Wellbeing.Domain.Invitations;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Professionals;

namespace Wellbeing.Application.Invitations.Commands;

/// <param name="Token">The token from the link, <c>{invitation id}.{secret}</c>.</param>
/// <param name="Password">Chosen by the invited person; Identity's password rules apply.</param>
public sealed record AcceptInvitationCommand(string Token, string Password);

/// <param name="Link">Where the link stands now: <see cref="InvitationLinkState.Used"/> once the account was created (by this request or a concurrent one).</param>
/// <param name="Created">True when this request created the account.</param>
/// <param name="Email">The new account's sign-in address, when <paramref name="Created"/>.</param>
/// <param name="PasswordErrors">Why the account was not created although the link works (the password's rules, the address taken meanwhile).</param>
public sealed record InvitationAcceptance(InvitationLinkDto Link, bool Created, string? Email, IReadOnlyList<string> PasswordErrors);

/// <summary>
/// Creates the account an invitation is for with the password its holder chose, with the invitation's role: an HR
/// manager reports on the invitation's hub; a professional's or member's row is linked to the account. The invitation
/// is marked used in the same transaction, first, so a link is used at most once however many requests post it at once.
/// </summary>
public sealed class AcceptInvitationHandler(
    IRepository<Invitation> invitations,
    IRepository<Member> members,
    IRepository<Professional> professionals,
    IRepository<Domain.Hubs.Hub> hubs,
    IAccountRegistration accounts,
    IAuditLog audit,
    IUnitOfWork unitOfWork,
    TimeProvider clock)
{
    public async Task<InvitationAcceptance> Handle(AcceptInvitationCommand command, CancellationToken cancellationToken)
    {
        var (invitation, link) = await InvitationLinks.ReadAsync(command.Token, invitations, hubs, clock.GetUtcNow(), forUpdate: true, cancellationToken);
        if (invitation is null || link.State != InvitationLinkState.Works)
        {
            return new InvitationAcceptance(link, false, null, []);
        }

        (var member, var professional, link) = await InvitationLinks.PersonAsync(invitation, link, members, professionals, forUpdate: true, cancellationToken);
        if (link.State != InvitationLinkState.Works)
        {
            return new InvitationAcceptance(link, false, null, []);
        }

        var account = new NewAccount(
            invitation.Email,
            command.Password,
            invitation.AccountRole,
            member?.DisplayName ?? professional?.DisplayName ?? string.Empty,
            invitation.Role == InvitedRole.HrManager ? invitation.HubId : null);
        try
        {
            var registration = await accounts.RegisterAsync(account, async (userId, ct) =>
            {
                invitation.Accept(clock.GetUtcNow(), userId);
                member?.LinkAccount(userId);
                professional?.LinkAccount(userId);

                // Nobody is signed in yet: the entry names the account the link creates.
                audit.Record(AuditAction.InvitationAccepted, invitation.HubId, invitation.Id.ToString(), userId: userId);
                await unitOfWork.SaveChangesAsync(ct);
            }, cancellationToken);
            return registration.Succeeded
                ? new InvitationAcceptance(link with { State = InvitationLinkState.Used }, true, invitation.Email, [])
                : new InvitationAcceptance(link, false, null, registration.Errors);
        }
        catch (ConflictException)
        {
            // A concurrent post of the same link (or a withdrawal) was saved first; this one created nothing.
            return new InvitationAcceptance(link with { State = InvitationLinkState.Used }, false, null, []);
        }
    }
}
