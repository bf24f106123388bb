using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Professionals;

namespace Wellbeing.Application.Professionals.Common;

public sealed record ConnectedClient(Professional Professional, Member Member, Hub Hub);

/// <summary>
/// The one gate to a client for a professional: connected to them, in a hub the professional belongs to, still
/// active. Anything else is "not found", so a guessed id never tells whether the person exists.
/// </summary>
public sealed class ConnectedClients(
    IRepository<Professional> professionals,
    IRepository<ClientConnection> connections,
    IRepository<Member> members,
    IRepository<Hub> hubs)
{
    public async Task<ConnectedClient> FindAsync(string userId, Guid memberId, CancellationToken cancellationToken)
    {
        var professional = await professionals.FirstOrDefaultAsync(new ProfessionalByUserIdSpec(userId), cancellationToken)
            ?? throw new NotFoundException("Professional");
        var hubIds = professional.Hubs.Select(h => h.HubId).ToList();
        var connection = await connections.FirstOrDefaultAsync(new ConnectionSpec(professional.Id, memberId, hubIds), cancellationToken)
            ?? throw new NotFoundException("Client");
        var member = await members.FirstOrDefaultAsync(new ActiveMemberByIdSpec(memberId), cancellationToken);
        if (member is null || member.HubId != connection.HubId)
        {
            throw new NotFoundException("Client");
        }

        var hub = await hubs.FirstOrDefaultAsync(new HubByIdSpec(member.HubId), cancellationToken) ?? throw new NotFoundException("Client");
        return new ConnectedClient(professional, member, hub);
    }
}
