using Wellbeing.Application.Administration.Common;
using Wellbeing.Application.Auditing;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Auditing;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Hubs;

namespace Wellbeing.Application.Administration.Commands.CreateHub;

/// <param name="HubId">The id the form was drawn with (hidden field): sending the form again creates nothing new.</param>
public sealed record CreateHubCommand(Guid HubId, HubInput Hub);

/// <param name="HubId">The hub's id.</param>
/// <param name="CreatedNow">False when an earlier copy of the form had created it: what this copy carried was not saved.</param>
public sealed record CreatedHub(Guid HubId, bool CreatedNow);

/// <summary>Creates a hub with the settings an administrator typed.</summary>
public sealed class CreateHubHandler(IRepository<Hub> hubs, IAuditLog audit, IUnitOfWork unitOfWork, TimeProvider clock)
{
    /// <returns>The hub, and whether this call created it or an earlier copy of the form had (Back, edit, send again).</returns>
    /// <exception cref="HubRefusedException">A field broke its rule (one message per field), or the short name is taken
    /// (also when another hub took it at the same moment).</exception>
    /// <exception cref="DomainException">The form came without its id.</exception>
    public async Task<CreatedHub> Handle(CreateHubCommand command, CancellationToken cancellationToken)
    {
        if (command.HubId == Guid.Empty)
        {
            throw new DomainException("This form is incomplete. Please open the new hub form again.");
        }

        if (await hubs.AnyAsync(new HubByIdSpec(command.HubId), cancellationToken))
        {
            return new CreatedHub(command.HubId, CreatedNow: false);
        }

        var input = command.Hub;
        var errors = new List<HubFieldError>();
        var hub = await HubIdentity.DescribeAsync(
            () => new Hub(input.Name, input.Organisation, input.Slug, input.TimeZoneId, clock.GetUtcNow(), command.HubId), hubs, errors, cancellationToken);
        var settings = input.Settings.Validate(errors);
        if (hub is null || settings is null || errors.Count > 0)
        {
            throw new HubRefusedException(errors);
        }

        hub.ChangeSettings(settings);
        hubs.Add(hub);
        audit.Record(AuditAction.HubCreated, hub.Id, hub.Id.ToString());
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (ConflictException)
        {
            // Between the checks and the save, another copy of this form (a double click) created the hub, or another
            // hub took the short name: the first lands on the hub like any later copy, the second is the slug's message.
            if (await hubs.AnyAsync(new HubByIdSpec(command.HubId), cancellationToken))
            {
                return new CreatedHub(command.HubId, CreatedNow: false);
            }

            throw new HubRefusedException([HubIdentity.SlugTaken(hub.Slug)]);
        }

        return new CreatedHub(hub.Id, CreatedNow: true);
    }
}
