using Ardalis.Specification;
using Wellbeing.Application.Administration.Common;
using Wellbeing.Application.Auditing;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Domain.Auditing;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Statistics;

namespace Wellbeing.Application.Administration.Commands.ChangeHubSettings;

public sealed record ChangeHubSettingsCommand(Guid HubId, HubInput Hub);

/// <summary>
/// Changes a hub's name, organisation, short name, time zone and settings in one go. Once HR figures of the hub are
/// published, <see cref="PublishedFiguresRule"/> refuses lowering k or k_dist, shortening the reporting period and
/// moving the hub to another time zone.
/// </summary>
public sealed class ChangeHubSettingsHandler(IRepository<Hub> hubs, IRepository<PeriodBlock> blocks, IAuditLog audit, IUnitOfWork unitOfWork)
{
    /// <exception cref="NotFoundException">No hub has this id.</exception>
    /// <exception cref="HubRefusedException">A field broke its rule, the short name is taken, or the change would weaken
    /// published figures (one message per field), or another hub took the short name at the same moment; nothing is saved.</exception>
    public async Task Handle(ChangeHubSettingsCommand command, CancellationToken cancellationToken)
    {
        var stored = await hubs.FirstOrDefaultAsync(new HubForUpdateSpec(command.HubId), cancellationToken)
            ?? throw new NotFoundException("Hub");
        var current = stored.Settings;
        var currentZone = stored.TimeZoneId;
        var input = command.Hub;
        var errors = new List<HubFieldError>();
        var described = await HubIdentity.DescribeAsync(
            () =>
            {
                stored.Describe(input.Name, input.Organisation, input.Slug, input.TimeZoneId);
                return stored;
            },
            hubs,
            errors,
            cancellationToken);
        var settings = input.Settings.Validate(errors);
        var published = PublishedFiguresRule.Strictest(await blocks.ListAsync(new PublishedThresholdsOfHubSpec(stored.Id), cancellationToken));
        if (settings is not null)
        {
            errors.AddRange(PublishedFiguresRule.Refusals(current, settings, published));
        }

        if (described is not null && PublishedFiguresRule.TimeZoneRefusal(currentZone, described.TimeZoneId, published is not null) is { } zone)
        {
            errors.Add(zone);
        }

        if (settings is null || errors.Count > 0)
        {
            throw new HubRefusedException(errors);
        }

        stored.ChangeSettings(settings);
        audit.Record(AuditAction.HubSettingsChanged, stored.Id, stored.Id.ToString());
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (ConflictException)
        {
            // Another hub took the short name between the check and the save: its message, beside the field.
            throw new HubRefusedException([HubIdentity.SlugTaken(stored.Slug)]);
        }
    }
}

public sealed class HubForUpdateSpec : Specification<Hub>
{
    public HubForUpdateSpec(Guid hubId) => Query.Where(h => h.Id == hubId).AsTracking();
}
