using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wellbeing.Application.Administration.Commands.ImportInstrument;
using Wellbeing.Application.Administration.Commands.RecordInstrumentLicence;
using Wellbeing.Application.Administration.Queries.GetInstrumentCatalogue;
using Wellbeing.Domain.Accounts;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Surveys;
using Wellbeing.Web.Errors;
using Wellbeing.Web.Security;

namespace Wellbeing.Web.Controllers;

/// <summary>
/// The instrument catalogue for administrators, the record of each hub's licence for instruments needing permission,
/// and the import of a new instrument definition.
/// </summary>
[Authorize(Policy = Roles.Administrator)]
[Route("admin/instruments")]
public sealed class InstrumentsController(
    GetInstrumentCatalogueHandler catalogue,
    RecordInstrumentLicenceHandler record,
    ImportInstrumentHandler import) : Controller
{
    /// <summary>The request may carry the 1 MB file plus the form's other fields and the multipart framing.</summary>
    public const long RequestLimit = ImportForm.MaxBytes + (64 * 1024);

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new InstrumentsPage(await catalogue.Handle(new GetInstrumentCatalogueQuery(), cancellationToken), new LicenceForm()));

    /// <summary>
    /// Imports a definition file. A file over <see cref="ImportForm.MaxBytes"/> is refused beside the field; a request
    /// over <see cref="RequestLimit"/> gets the Refused page with the same reason (413) before its body is read, as the
    /// member import does, instead of the server's bare 413.
    /// </summary>
    [HttpPost("imports")]
    [UploadLimit(RequestLimit, ImportForm.TooLarge)]
    [RequestSizeLimit(RequestLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
    public async Task<IActionResult> Import([Bind(Prefix = ImportForm.Prefix)] ImportForm form, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            try
            {
                await using var file = form.File!.OpenReadStream();
                var imported = await import.Handle(new ImportInstrumentCommand(file, User.Id()), cancellationToken);
                TempData["Status"] = imported.Admission == Admission.New
                    ? $"{imported.Title} version {imported.Version} is imported{(imported.IsValidated ? string.Empty : " and marked as not validated")}: new forms for its measure show the newest version of the instrument in use."
                    : $"{imported.Title} version {imported.Version} is already in the catalogue with the same content: nothing changed.";
                return RedirectToAction(nameof(Index));
            }
            catch (DomainException refused)
            {
                ModelState.AddModelError(ImportForm.FileField, refused.Message);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Index), new InstrumentsPage(await catalogue.Handle(new GetInstrumentCatalogueQuery(), cancellationToken), new LicenceForm()));
    }

    [HttpPost("licences")]
    public async Task<IActionResult> RecordLicence([Bind(Prefix = nameof(InstrumentsPage.Form))] LicenceForm form, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            try
            {
                await record.Handle(new RecordInstrumentLicenceCommand(form.HubId!.Value, form.SurveyKey!, User.Id(), User.DisplayName(), form.Note!), cancellationToken);
                TempData["Status"] = "The licence is recorded: the hub's clients now get the form.";
                return RedirectToAction(nameof(Index));
            }
            catch (DomainException refused)
            {
                ModelState.AddModelError(string.Empty, refused.Message);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Index), new InstrumentsPage(await catalogue.Handle(new GetInstrumentCatalogueQuery(), cancellationToken), form));
    }
}

public sealed record InstrumentsPage(InstrumentCatalogueDto Catalogue, LicenceForm Form);

/// <summary>An instrument definition file: our JSON format or a FHIR R4 Questionnaire. A file input keeps nothing to redraw.</summary>
public sealed record ImportForm : IValidatableObject
{
    public const string Prefix = "Import";
    /// <summary>1 MB: the shipped definitions are about 3 kB, so this leaves room for long instruments and nothing else.</summary>
    public const int MaxBytes = 1024 * 1024;

    public const string TooLarge = "The file is over 1 MB: an instrument definition is a few kilobytes.";

    public const string FileField = $"{Prefix}.{nameof(File)}";

    [Required(ErrorMessage = "Choose a definition file to upload.")]
    public IFormFile? File { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (File is { Length: > MaxBytes })
        {
            yield return new ValidationResult(TooLarge, [nameof(File)]);
        }
    }
}

/// <summary>One licence form is drawn per instrument needing permission; only the one posted shows its messages and input.</summary>
public sealed record LicenceForm
{
    [Required(ErrorMessage = "Say which instrument the licence is for.")]
    public string? SurveyKey { get; init; }

    [Required(ErrorMessage = "Choose the hub that holds the licence.")]
    public Guid? HubId { get; init; }

    [Required(ErrorMessage = "Say where the permission is kept (a reference, the date of the letter).")]
    [StringLength(InstrumentLicence.MaxNoteLength, ErrorMessage = "Keep the note to {1} characters or fewer.")]
    public string? Note { get; init; }
}
