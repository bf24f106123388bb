using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Hubs;

namespace Wellbeing.Application.PartnerClients.Queries.GetPartnerClients;

/// <summary>The partner systems an administrator has registered, per hub, and the hubs a new one can be given.</summary>
public sealed record GetPartnerClientsQuery;

public sealed record PartnerClientsDto(IReadOnlyList<HubChoiceDto> Hubs, IReadOnlyList<PartnerClientRowDto> Clients);

public sealed record HubChoiceDto(Guid Id, string Name);

public sealed record PartnerClientRowDto(string ClientId, string DisplayName, Guid HubId, string HubName, IReadOnlyList<string> Scopes);

public sealed class GetPartnerClientsHandler(IRepository<Hub> hubs, IPartnerClients partners)
{
    public async Task<PartnerClientsDto> Handle(GetPartnerClientsQuery query, CancellationToken cancellationToken)
    {
        var choices = (await hubs.ListAsync(new AllHubsSpec(), cancellationToken)).Select(h => new HubChoiceDto(h.Id, h.Name)).ToList();
        var names = choices.ToDictionary(h => h.Id, h => h.Name);
        var rows = (await partners.ListAsync(cancellationToken))
            .Select(c => new PartnerClientRowDto(c.ClientId, c.DisplayName, c.HubId, names.GetValueOrDefault(c.HubId, "(hub removed)"), c.Scopes))
            .OrderBy(r => r.HubName, StringComparer.Ordinal)
            .ThenBy(r => r.DisplayName, StringComparer.Ordinal)
            .ToList();
        return new PartnerClientsDto(choices, rows);
    }
}
