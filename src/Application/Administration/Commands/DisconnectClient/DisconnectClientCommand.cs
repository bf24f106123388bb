using Wellbeing.Application.Administration.Common;
using Wellbeing.Application.Auditing;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Domain.Auditing;
using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Sessions;
using Wellbeing.Domain.Sharing;

namespace Wellbeing.Application.Administration.Commands.DisconnectClient;

public sealed record DisconnectClientCommand(Guid HubId, Guid ProfessionalId, Guid MemberId);

/// <summary>
/// An administrator ends a member's connection to a professional in a hub (<see cref="ClientConnection.EnsureMayEnd"/>:
/// not while a session of theirs is open). What the member shared with that professional is revoked in the same
/// transaction: sharing is offered per connection, so a later reconnection starts with nothing shared. Past sessions
/// and alliance answers stay. A pair not connected is not found. The disconnection and each revoked grant are recorded
/// in the audit log.
/// </summary>
public sealed class DisconnectClientHandler(
    IRepository<ClientConnection> connections,
    IRepository<CareSession> sessions,
    IRepository<ShareGrant> grants,
    IAuditLog audit,
    IUnitOfWork unitOfWork,
    TimeProvider clock)
{
    /// <exception cref="NotFoundException">The member is not connected to the professional in this hub.</exception>
    /// <exception cref="Domain.Common.DomainException">A session of the pair is not ended.</exception>
    public async Task Handle(DisconnectClientCommand command, CancellationToken cancellationToken)
    {
        var connection = await connections.FirstOrDefaultAsync(new ConnectionsInHubSpec(command.HubId, command.ProfessionalId, command.MemberId, forUpdate: true), cancellationToken)
            ?? throw new NotFoundException("Connection");
        ClientConnection.EnsureMayEnd(await sessions.CountAsync(new OpenPairSessionsInHubSpec(command.HubId, command.MemberId, command.ProfessionalId), cancellationToken));

        var now = clock.GetUtcNow();
        foreach (var grant in await grants.ListAsync(new ActivePairGrantsInHubSpec(command.HubId, command.MemberId, command.ProfessionalId), cancellationToken))
        {
            grant.Revoke(now);
            audit.Record(AuditAction.ShareRevoked, command.HubId, grant.Id.ToString());
        }

        connections.Remove(connection);
        audit.Record(AuditAction.ClientDisconnected, command.HubId, connection.Id.ToString());
        await unitOfWork.SaveChangesAsync(cancellationToken);
    }
}
