using Wellbeing.Application.Administration.Common;
using Wellbeing.Application.Auditing;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Domain.Auditing;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Professionals;

namespace Wellbeing.Application.Administration.Commands.ConnectClient;

/// <param name="MemberEmail">The e-mail address of a member of this hub.</param>
public sealed record ConnectClientCommand(Guid HubId, Guid ProfessionalId, string? MemberEmail);

/// <summary>
/// An administrator connects a member of a hub to a professional (<see cref="ClientConnection.Between"/>: the same hub
/// only). A pair already connected stays as it is; a new connection is recorded in the audit log.
/// </summary>
public sealed class ConnectClientHandler(
    IRepository<Member> members,
    IRepository<Professional> professionals,
    IRepository<ClientConnection> connections,
    IAuditLog audit,
    IUnitOfWork unitOfWork,
    TimeProvider clock)
{
    /// <returns>The connection's id.</returns>
    /// <exception cref="NotFoundException">No professional has this id.</exception>
    /// <exception cref="DomainException">No member of the hub has the address (a member of another hub included), several do, the member is deactivated, or the professional is not in the hub.</exception>
    /// <exception cref="ConflictException">The same pair was connected by another request at the same moment.</exception>
    public async Task<Guid> Handle(ConnectClientCommand command, CancellationToken cancellationToken)
    {
        var professional = await professionals.FirstOrDefaultAsync(new ProfessionalWithHubsSpec(command.ProfessionalId), cancellationToken)
            ?? throw new NotFoundException("Professional");
        if (string.IsNullOrWhiteSpace(command.MemberEmail))
        {
            throw new DomainException("Enter the client's e-mail address.");
        }

        var found = await members.ListAsync(new MembersOfHubByEmailSpec(command.HubId, EmailAddresses.Normalise(command.MemberEmail)), cancellationToken);
        var member = found.Count switch
        {
            0 => throw new DomainException("No member of this hub has this e-mail address."),
            1 => found[0],
            _ => throw new DomainException("Several members of this hub have this e-mail address. Correct their addresses first."),
        };

        if (await connections.FirstOrDefaultAsync(new ConnectionsInHubSpec(command.HubId, professional.Id, member.Id), cancellationToken) is { } existing)
        {
            return existing.Id;
        }

        var connection = ClientConnection.Between(member, professional, clock.GetUtcNow());
        connections.Add(connection);
        audit.Record(AuditAction.ClientConnected, connection.HubId, connection.Id.ToString());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return connection.Id;
    }
}
