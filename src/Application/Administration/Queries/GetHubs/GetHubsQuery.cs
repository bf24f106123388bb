using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Members;

namespace Wellbeing.Application.Administration.Queries.GetHubs;

public sealed record GetHubsQuery;

public sealed record HubsDto(IReadOnlyList<HubRowDto> Hubs);

public sealed record HubRowDto(Guid Id, string Name, string Organisation, string Slug, int ActiveMembers, int K);

public sealed class GetHubsHandler(IRepository<Hub> hubs, IRepository<Member> members)
{
    public async Task<HubsDto> Handle(GetHubsQuery query, CancellationToken cancellationToken)
    {
        var all = await hubs.ListAsync(new AllHubsSpec(), cancellationToken);
        var rows = new List<HubRowDto>(all.Count);
        foreach (var hub in all)
        {
            rows.Add(new HubRowDto(hub.Id, hub.Name, hub.Organisation, hub.Slug, await members.CountAsync(new ActiveMembersOfHubSpec(hub.Id), cancellationToken), hub.Settings.K));
        }

        return new HubsDto(rows);
    }
}
