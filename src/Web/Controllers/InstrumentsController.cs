using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wellbeing.Application.Administration.Commands.RecordInstrumentLicence;
using Wellbeing.Application.Administration.Queries.GetInstrumentCatalogue;
using Wellbeing.Domain.Accounts;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Surveys;
using Wellbeing.Web.Security;

namespace Wellbeing.Web.Controllers;

/// <summary>The instrument catalogue for administrators, and the record of each hub's licence for instruments needing permission.</summary>
[Authorize(Policy = Roles.Administrator)]
[Route("admin/instruments")]
public sealed class InstrumentsController(GetInstrumentCatalogueHandler catalogue, RecordInstrumentLicenceHandler record) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new InstrumentsPage(await catalogue.Handle(new GetInstrumentCatalogueQuery(), cancellationToken), new LicenceForm()));

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
