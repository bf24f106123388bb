using Wellbeing.Application.Administration.Common;
using Wellbeing.Application.Auditing;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Domain.Auditing;
using Wellbeing.Domain.Professionals;

namespace Wellbeing.Application.Administration.Commands.RemoveProfessionalFromHub;

public sealed record RemoveProfessionalFromHubCommand(Guid HubId, Guid ProfessionalId);

/// <summary>
/// An administrator takes a professional out of a hub, which <see cref="Professional.LeaveHub"/> refuses while they
/// still have clients there. Their record, other hubs, past sessions and published alliance figures stay. Recorded in
/// the audit log.
/// </summary>
public sealed class RemoveProfessionalFromHubHandler(IRepository<Professional> professionals, IRepository<ClientConnection> connections, IAuditLog audit, IUnitOfWork unitOfWork)
{
    /// <exception cref="NotFoundException">No professional of this hub has this id.</exception>
    /// <exception cref="Domain.Common.DomainException">The professional still has clients in the hub.</exception>
    public async Task Handle(RemoveProfessionalFromHubCommand command, CancellationToken cancellationToken)
    {
        var professional = await professionals.FirstOrDefaultAsync(new ProfessionalWithHubsSpec(command.ProfessionalId, forUpdate: true), cancellationToken);
        if (professional is null || !professional.BelongsTo(command.HubId))
        {
            throw new NotFoundException("Professional");
        }

        var clients = await connections.CountAsync(new ConnectionsInHubSpec(command.HubId, professional.Id), cancellationToken);
        professional.LeaveHub(command.HubId, clients);
        audit.Record(AuditAction.ProfessionalRemovedFromHub, command.HubId, professional.Id.ToString());
        await unitOfWork.SaveChangesAsync(cancellationToken);
    }
}
