using Wellbeing.Application.Administration.Common;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Professionals;

namespace Wellbeing.Application.Administration.Queries.GetHubProfessionals;

public sealed record GetHubProfessionalsQuery(Guid HubId);

public sealed record HubProfessionalsDto(Guid HubId, string HubName, IReadOnlyList<HubProfessionalDto> Professionals);

/// <param name="Clients">The members of this hub connected to the professional, by name.</param>
public sealed record HubProfessionalDto(Guid Id, string Name, string Title, string Email, bool HasAccount, IReadOnlyList<ConnectedClientDto> Clients);

public sealed record ConnectedClientDto(Guid MemberId, string Name, string Email, bool IsActive);

/// <summary>The professionals of a hub with their clients there, for the administrator.</summary>
public sealed class GetHubProfessionalsHandler(
    IRepository<Hub> hubs,
    IRepository<Professional> professionals,
    IRepository<ClientConnection> connections,
    IRepository<Member> members)
{
    /// <exception cref="NotFoundException">No hub has this id.</exception>
    public async Task<HubProfessionalsDto> Handle(GetHubProfessionalsQuery query, CancellationToken cancellationToken)
    {
        var hub = await hubs.FirstOrDefaultAsync(new HubByIdSpec(query.HubId), cancellationToken) ?? throw new NotFoundException("Hub");
        var staff = await professionals.ListAsync(new ProfessionalsOfHubSpec(hub.Id), cancellationToken);
        var links = await connections.ListAsync(new ConnectionsInHubSpec(hub.Id), cancellationToken);
        var clients = (await members.ListAsync(new MembersByIdsSpec([.. links.Select(c => c.MemberId).Distinct()]), cancellationToken))
            .ToDictionary(m => m.Id);

        var rows = staff.Select(p => new HubProfessionalDto(
            p.Id,
            p.DisplayName,
            p.Title,
            p.Email,
            p.UserId is not null,
            [.. links.Where(c => c.ProfessionalId == p.Id)
                .Select(c => clients[c.MemberId])
                .OrderBy(m => m.DisplayName, StringComparer.CurrentCulture)
                .Select(m => new ConnectedClientDto(m.Id, m.DisplayName, m.Email, m.IsActive))])).ToList();
        return new HubProfessionalsDto(hub.Id, hub.Name, rows);
    }
}
