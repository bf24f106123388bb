using System.Globalization;
using Wellbeing.Application.Auditing;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Domain.Auditing;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Surveys;

namespace Wellbeing.Application.Administration.Commands.ImportInstrument;

/// <param name="File">The uploaded definition: our JSON format or a FHIR R4 Questionnaire, UTF-8.</param>
/// <param name="UserId">The administrator importing it.</param>
public sealed record ImportInstrumentCommand(Stream File, string UserId);

/// <param name="Admission">New when the version was stored; Unchanged when the catalogue already held the same content.</param>
public sealed record ImportInstrumentResult(string Key, int Version, string Title, bool IsValidated, Admission Admission);

/// <summary>
/// An administrator imports an instrument definition. It is stored in the database, so every node loads it, and the
/// audit log records it in the same save; a version already loaded with other content is refused, because old
/// submissions name only a key and a version.
/// </summary>
public sealed class ImportInstrumentHandler(
    IInstrumentFileReader reader,
    IRepository<ImportedInstrument> imported,
    ISurveyCatalogue catalogue,
    IUnitOfWork unitOfWork,
    IAuditLog audit,
    TimeProvider clock)
{
    /// <exception cref="InvalidInstrumentFileException">The file cannot be read or breaks a rule of its format; the message names the item.</exception>
    /// <exception cref="DomainException">It would change what is loaded (<see cref="InstrumentCatalogue.Admit"/>), also when another administrator stored the same version meanwhile.</exception>
    public async Task<ImportInstrumentResult> Handle(ImportInstrumentCommand command, CancellationToken cancellationToken)
    {
        // Checked against what any node imported, not only what this node loaded on its last refresh.
        await catalogue.ReloadAsync(cancellationToken);
        var file = await reader.ReadAsync(command.File, catalogue.All, cancellationToken);
        var survey = file.Entry.Survey;
        var admission = catalogue.Admit(file.Entry);
        if (admission == Admission.New)
        {
            imported.Add(new ImportedInstrument(survey, file.Definition, file.Format, command.UserId, clock.GetUtcNow()));
            audit.Record(AuditAction.InstrumentImported, hubId: null, string.Create(CultureInfo.InvariantCulture, $"{survey.Key}|{survey.Version}"));
            try
            {
                await unitOfWork.SaveChangesAsync(cancellationToken);
            }
            catch (ConflictException)
            {
                // Unique per key and version: another administrator stored this version between the check and the save.
                throw new DomainException(
                    $"Version {survey.Version} of {survey.Key} was imported by someone else a moment ago. Upload the file again to compare it with theirs.");
            }

            await catalogue.ReloadAsync(cancellationToken);
        }

        return new ImportInstrumentResult(survey.Key, survey.Version, survey.Title, survey.IsValidated, admission);
    }
}
