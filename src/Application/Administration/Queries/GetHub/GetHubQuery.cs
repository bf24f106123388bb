using Wellbeing.Application.Administration.Common;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Statistics;

namespace Wellbeing.Application.Administration.Queries.GetHub;

public sealed record GetHubQuery(Guid HubId);

/// <param name="FiguresPublished">Whether HR figures of the hub are published, so k, k_dist and the period may only be raised.</param>
/// <param name="Version">The hub's <see cref="Hub.Version"/>, which a change must name.</param>
public sealed record HubDto(Guid Id, HubInput Hub, bool FiguresPublished, int Version);

/// <summary>A hub as its edit form shows it.</summary>
public sealed class GetHubHandler(IRepository<Hub> hubs, IRepository<PeriodBlock> blocks)
{
    /// <exception cref="NotFoundException">No hub has this id.</exception>
    public async Task<HubDto> Handle(GetHubQuery query, CancellationToken cancellationToken)
    {
        var hub = await hubs.FirstOrDefaultAsync(new HubByIdSpec(query.HubId), cancellationToken) ?? throw new NotFoundException("Hub");
        var input = new HubInput(hub.Name, hub.Organisation, hub.Slug, hub.TimeZoneId, HubSettingsInput.From(hub.Settings));
        return new HubDto(hub.Id, input, await blocks.AnyAsync(new PublishedBlocksOfHubSpec(hub.Id), cancellationToken), hub.Version);
    }
}
