using Wellbeing.Application.Auditing;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Auditing;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Surveys;

namespace Wellbeing.Application.Administration.Commands.RecordInstrumentLicence;

/// <param name="SurveyKey">The instrument's key; the record covers all its versions.</param>
/// <param name="UserId">The administrator recording it, with <paramref name="UserName"/> as shown to later readers.</param>
public sealed record RecordInstrumentLicenceCommand(Guid HubId, string SurveyKey, string UserId, string UserName, string Note);

/// <summary>An administrator records that a hub holds permission to use an instrument commercially; from then on its clients get the form.</summary>
public sealed class RecordInstrumentLicenceHandler(
    IRepository<Hub> hubs,
    IRepository<InstrumentLicence> licences,
    ISurveyCatalogue catalogue,
    IAuditLog audit,
    IUnitOfWork unitOfWork,
    TimeProvider clock)
{
    /// <exception cref="NotFoundException">No such instrument or hub.</exception>
    /// <exception cref="DomainException">The instrument needs no permission, the note is empty or too long, or the hub's permission is already recorded.</exception>
    public async Task Handle(RecordInstrumentLicenceCommand command, CancellationToken cancellationToken)
    {
        var survey = catalogue.All.Where(s => s.Key == command.SurveyKey).MaxBy(s => s.Version) ?? throw new NotFoundException("Instrument");
        var hub = await hubs.FirstOrDefaultAsync(new HubByIdSpec(command.HubId), cancellationToken) ?? throw new NotFoundException("Hub");

        // Validates first: an instrument that needs no permission, or an empty note, is refused before anything else.
        var licence = new InstrumentLicence(hub.Id, survey, command.UserId, command.UserName, clock.GetUtcNow(), command.Note);
        if (survey.MayBeUsedIn(hub.Id, await licences.ListAsync(new LicencesOfHubSpec(hub.Id), cancellationToken)))
        {
            throw AlreadyRecorded(hub, survey);
        }

        licences.Add(licence);
        audit.Record(AuditAction.InstrumentLicenceRecorded, hub.Id, survey.Key);
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (ConflictException)
        {
            // Another administrator recorded it between the check and the save (unique per hub and instrument).
            throw AlreadyRecorded(hub, survey);
        }
    }

    private static DomainException AlreadyRecorded(Hub hub, Survey survey) =>
        new($"The licence of {hub.Name} for the {survey.Title} is already recorded.");
}
