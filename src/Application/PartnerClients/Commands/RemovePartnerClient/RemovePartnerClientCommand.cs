using Wellbeing.Application.Common.Exceptions;

namespace Wellbeing.Application.PartnerClients.Commands.RemovePartnerClient;

/// <summary>An administrator revokes a partner system: its credentials and every token it holds stop working.</summary>
public sealed record RemovePartnerClientCommand(string ClientId);

public sealed class RemovePartnerClientHandler(IPartnerClients partners)
{
    public async Task Handle(RemovePartnerClientCommand command, CancellationToken cancellationToken)
    {
        if (!await partners.RemoveAsync(command.ClientId, cancellationToken))
        {
            throw new NotFoundException("Partner system");
        }
    }
}
