using Wellbeing.Application.Administration.Common;
using Wellbeing.Application.Auditing;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Auditing;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Professionals;

namespace Wellbeing.Application.Administration.Commands.AddProfessionalToHub;

/// <param name="Email">The e-mail address of a professional who already has a record (in another hub, or invited).</param>
public sealed record AddProfessionalToHubCommand(Guid HubId, string? Email);

/// <summary>
/// An administrator adds an existing professional to a hub. A professional already in it stays as they are. A new
/// professional is invited instead (the invitations page), which creates their record. Joining is recorded in the
/// audit log.
/// </summary>
public sealed class AddProfessionalToHubHandler(IRepository<Hub> hubs, IRepository<Professional> professionals, IAuditLog audit, IUnitOfWork unitOfWork, TimeProvider clock)
{
    /// <returns>The professional's id.</returns>
    /// <exception cref="NotFoundException">No hub has this id.</exception>
    /// <exception cref="DomainException">No address given, or no professional has it.</exception>
    public async Task<Guid> Handle(AddProfessionalToHubCommand command, CancellationToken cancellationToken)
    {
        var hub = await hubs.FirstOrDefaultAsync(new HubByIdSpec(command.HubId), cancellationToken) ?? throw new NotFoundException("Hub");
        if (string.IsNullOrWhiteSpace(command.Email))
        {
            throw new DomainException("Enter the professional's e-mail address.");
        }

        var professional = await professionals.FirstOrDefaultAsync(new ProfessionalByEmailSpec(EmailAddresses.Normalise(command.Email)), cancellationToken)
            ?? throw new DomainException("No professional has this e-mail address. Invite them to the hub instead.");
        if (!professional.BelongsTo(hub.Id))
        {
            professional.JoinHub(hub.Id, clock.GetUtcNow());
            audit.Record(AuditAction.ProfessionalAddedToHub, hub.Id, professional.Id.ToString());
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return professional.Id;
    }
}
