using Wellbeing.Application.Auditing;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Domain.Auditing;

namespace Wellbeing.Application.PartnerClients.Commands.RemovePartnerClient;

/// <summary>An administrator revokes a partner system: its credentials and every token it holds stop working.</summary>
public sealed record RemovePartnerClientCommand(string ClientId);

public sealed class RemovePartnerClientHandler(IPartnerClients partners, IAuditLog audit)
{
    public async Task Handle(RemovePartnerClientCommand command, CancellationToken cancellationToken)
    {
        var client = await partners.FindAsync(command.ClientId, cancellationToken) ?? throw new NotFoundException("Partner system");

        // Recorded first, so that the store writes the entry with the removal, in its transaction.
        audit.Record(AuditAction.PartnerClientRemoved, client.HubId, client.ClientId);
        if (!await partners.RemoveAsync(command.ClientId, cancellationToken))
        {
            throw new NotFoundException("Partner system");
        }
    }
}
