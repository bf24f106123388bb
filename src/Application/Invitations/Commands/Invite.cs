using Wellbeing.Application.Accounts;
using Wellbeing.Application.Administration.Common;
using Wellbeing.Application.Auditing;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Auditing;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Invitations;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Messaging;
using Wellbeing.Domain.Professionals;

namespace Wellbeing.Application.Invitations.Commands;

/// <summary>An administrator's invitation of one person to a hub, as typed in the hub's invitation forms.</summary>
/// <param name="Name">The professional's or member's name; unused for an HR manager.</param>
/// <param name="Title">The professional's title (e.g. "Psychologist"); professionals only.</param>
/// <param name="Department">The member's department, or none; members only.</param>
/// <param name="ExternalId">The member's id in the employer's HR system, or none; members only.</param>
public sealed record InviteCommand(Guid HubId, InvitedRole Role, string Email, string? Name = null, string? Title = null, string? Department = null, string? ExternalId = null);

/// <summary>What inviting did.</summary>
public enum InviteOutcome
{
    /// <summary>An invitation was recorded and its e-mail queued.</summary>
    Invited,

    /// <summary>The address belongs to a professional who already has an account: they now work in this hub too, and no e-mail is sent.</summary>
    JoinedHub,

    /// <summary>The address belongs to a professional with an account who already works in this hub: nothing changed or was recorded.</summary>
    AlreadyInHub,
}

/// <summary>
/// Records an invitation and its e-mail (through the outbox, sent by the next outbox run) in one transaction, creating
/// the person it is for: a <see cref="Member"/> of the hub, or a <see cref="Professional"/> who joins it. An address of
/// an existing professional with an account makes that professional join the hub (audited once: inviting them again
/// changes and records nothing); one that already signs in to any other account, or
/// has a pending invitation to this hub, is refused.
/// </summary>
/// <exception cref="NotFoundException">No such hub.</exception>
/// <exception cref="InvitationRefusedException">The address already has an account or a pending invitation here, or (members) belongs to a member of the hub, or the external id does, or <see cref="Member.NormaliseDepartment"/> refuses the department.</exception>
/// <exception cref="Wellbeing.Domain.Common.DomainException">A name the member or professional rules refuse.</exception>
public sealed class InviteHandler(
    IRepository<Hub> hubs,
    IRepository<Member> members,
    IRepository<Professional> professionals,
    IRepository<Invitation> invitations,
    IRepository<OutboxMessage> outbox,
    IAccountRegistration accounts,
    IAuditLog audit,
    IUnitOfWork unitOfWork,
    InvitationSettings settings,
    TimeProvider clock)
{
    public async Task<InviteOutcome> Handle(InviteCommand command, CancellationToken cancellationToken)
    {
        _ = await hubs.FirstOrDefaultAsync(new HubByIdSpec(command.HubId), cancellationToken) ?? throw new NotFoundException("Hub");
        var email = EmailAddresses.Normalise(command.Email);
        var now = clock.GetUtcNow();
        var professional = command.Role == InvitedRole.Professional
            ? await professionals.FirstOrDefaultAsync(new ProfessionalByEmailSpec(email), cancellationToken)
            : null;
        if (professional?.UserId is not null)
        {
            if (professional.BelongsTo(command.HubId))
            {
                return InviteOutcome.AlreadyInHub;
            }

            professional.JoinHub(command.HubId, now);
            audit.Record(AuditAction.ProfessionalJoinedHub, command.HubId, professional.Id.ToString());
            await unitOfWork.SaveChangesAsync(cancellationToken);
            return InviteOutcome.JoinedHub;
        }

        if ((await accounts.AddressesInUseAsync([email], cancellationToken)).Count > 0)
        {
            throw new InvitationRefusedException(InvitationField.Email, "This address already has an account: its owner can sign in.");
        }

        if (await invitations.AnyAsync(new PendingInvitationToSpec(command.HubId, email, now), cancellationToken))
        {
            throw new InvitationRefusedException(InvitationField.Email, "An invitation to this address is pending: send it again from the list instead.");
        }

        var personId = command.Role switch
        {
            InvitedRole.Member => (await NewMemberAsync(command, email, now, cancellationToken)).Id,
            InvitedRole.Professional => JoinedProfessional(professional, command, email, now).Id,
            _ => (Guid?)null,
        };
        var invitation = new Invitation(command.HubId, command.Role, email, personId, now, settings.Lifetime);
        InvitationChanges.Send(invitation, invitations, outbox, audit, now);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return InviteOutcome.Invited;
    }

    private async Task<Member> NewMemberAsync(InviteCommand command, string email, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            Member.NormaliseDepartment(command.Department);
        }
        catch (DomainException refused)
        {
            // The member's own rule, checked first so that its message stands beside the department, not the name.
            throw new InvitationRefusedException(InvitationField.Department, refused.Message);
        }

        if (await members.AnyAsync(new MembersOfHubByEmailSpec(command.HubId, email), cancellationToken))
        {
            throw new InvitationRefusedException(InvitationField.Email, "A member of this hub has this address: invite the members without an account below.");
        }

        var member = new Member(command.HubId, command.Name ?? string.Empty, email, now, command.Department, command.ExternalId);
        if (member.ExternalId is { } externalId && await members.AnyAsync(new MemberOfHubByExternalIdSpec(command.HubId, externalId), cancellationToken))
        {
            throw new InvitationRefusedException(InvitationField.ExternalId, "Another member of this hub has this external id.");
        }

        members.Add(member);
        return member;
    }

    /// <summary>The professional without an account who has this address, or a new one; either way working in the hub.</summary>
    private Professional JoinedProfessional(Professional? existing, InviteCommand command, string email, DateTimeOffset now)
    {
        var professional = existing ?? new Professional(command.Name ?? string.Empty, email, command.Title ?? string.Empty);
        professional.JoinHub(command.HubId, now);
        if (existing is null)
        {
            professionals.Add(professional);
        }

        return professional;
    }
}
