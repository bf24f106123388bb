using Wellbeing.Application.Administration.Common;
using Wellbeing.Application.Auditing;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Auditing;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Statistics;

namespace Wellbeing.Application.Administration.Commands.ChangeHubSettings;

/// <param name="Version">The hub's <see cref="Hub.Version"/> when the form was drawn (a hidden field).</param>
public sealed record ChangeHubSettingsCommand(Guid HubId, HubInput Hub, int Version);

/// <summary>
/// Changes a hub's name, organisation, short name, time zone and settings in one go, from the version of the hub the
/// administrator saw. Once HR figures of the hub are published, <see cref="PublishedFiguresRule"/> refuses lowering k
/// or k_dist, shortening the reporting period and moving the hub to another time zone. The audit entry lists what
/// changed (<see cref="HubChanges"/>).
/// </summary>
public sealed class ChangeHubSettingsHandler(IRepository<Hub> hubs, IRepository<PeriodBlock> blocks, IAuditLog audit, IUnitOfWork unitOfWork)
{
    /// <summary>Why a save from an older version is refused; the form is shown again with what was typed.</summary>
    public const string ChangedMeanwhile =
        "This hub was changed after you opened the form (by another administrator, or by a publication of HR figures), so your changes were not saved. " +
        "They are still in the form below: check them against the hub as it is now and save again.";

    /// <exception cref="NotFoundException">No hub has this id.</exception>
    /// <exception cref="HubRefusedException">A field broke its rule, the short name is taken, or the change would weaken
    /// published figures (one message per field), or another hub took the short name at the same moment; nothing is saved.</exception>
    /// <exception cref="ConflictException">The hub is no longer at <see cref="ChangeHubSettingsCommand.Version"/>, or
    /// changed between this read and the save (<see cref="ChangedMeanwhile"/>); nothing is saved.</exception>
    public async Task Handle(ChangeHubSettingsCommand command, CancellationToken cancellationToken)
    {
        var stored = await hubs.FirstOrDefaultAsync(new HubForUpdateSpec(command.HubId), cancellationToken)
            ?? throw new NotFoundException("Hub");
        if (stored.Version != command.Version)
        {
            throw new ConflictException(ChangedMeanwhile);
        }

        var before = HubSnapshot.Of(stored);
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
        audit.Record(AuditAction.HubSettingsChanged, stored.Id, stored.Id.ToString(), detail: HubChanges.Describe(before, HubSnapshot.Of(stored)));
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (ConflictException conflict)
        {
            // Between the checks and the save another hub took the short name (its message, beside the field), or this
            // hub changed: another administrator saved it, or a period was published with the settings checked above.
            if (await hubs.AnyAsync(new OtherHubWithSlugSpec(stored.Slug, stored.Id), cancellationToken))
            {
                throw new HubRefusedException([HubIdentity.SlugTaken(stored.Slug)]);
            }

            throw new ConflictException(ChangedMeanwhile, conflict);
        }
    }
}
