using Wellbeing.Application.Administration.Common;
using Wellbeing.Application.Auditing;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Auditing;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Hubs;

namespace Wellbeing.Application.Administration.Commands.CreateHub;

/// <param name="HubId">The id the form was drawn with (hidden field): sending the form again creates nothing new.</param>
public sealed record CreateHubCommand(Guid HubId, HubInput Hub);

/// <summary>Creates a hub with the settings an administrator typed.</summary>
public sealed class CreateHubHandler(IRepository<Hub> hubs, IAuditLog audit, IUnitOfWork unitOfWork, TimeProvider clock)
{
    /// <returns>The hub's id, whether this call or an earlier copy of the form created it.</returns>
    /// <exception cref="HubRefusedException">A field broke its rule (one message per field), or the short name is taken.</exception>
    /// <exception cref="DomainException">The form came without its id.</exception>
    /// <exception cref="Common.Exceptions.ConflictException">Another hub took the short name at the same moment.</exception>
    public async Task<Guid> Handle(CreateHubCommand command, CancellationToken cancellationToken)
    {
        if (command.HubId == Guid.Empty)
        {
            throw new DomainException("This form is incomplete. Please open the new hub form again.");
        }

        if (await hubs.AnyAsync(new HubByIdSpec(command.HubId), cancellationToken))
        {
            return command.HubId;
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
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return hub.Id;
    }
}
