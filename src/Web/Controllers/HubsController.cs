using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wellbeing.Application.Administration.Commands.ChangeHubSettings;
using Wellbeing.Application.Administration.Commands.CreateHub;
using Wellbeing.Application.Administration.Queries.GetHub;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Domain.Accounts;
using Wellbeing.Domain.Hubs;
using Wellbeing.Web.Errors;
using Wellbeing.Web.Models;

namespace Wellbeing.Web.Controllers;

/// <summary>Administrators create a hub and edit its name, organisation, short name, time zone and settings.</summary>
[Authorize(Policy = Roles.Administrator)]
[Route("admin/hubs")]
public sealed class HubsController(GetHubHandler hub, CreateHubHandler create, ChangeHubSettingsHandler change) : Controller
{
    private const string Saved = "Status";

    [HttpGet("new")]
    public IActionResult New() => View("Form", HubPage.New());

    [HttpPost("")]
    [RefusedPage("The hub was not created")]
    public async Task<IActionResult> Create([Bind(Prefix = nameof(HubPage.Form))] HubForm form, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            try
            {
                var created = await create.Handle(new CreateHubCommand(form.HubId ?? Guid.Empty, form.ToInput()), cancellationToken);
                TempData[Saved] = created.CreatedNow
                    ? "The hub was created. Its settings can be changed here."
                    : "This form had already created the hub, shown here as it was saved; anything changed in the form since was not saved. Change it here.";
                return Redirect($"/admin/hubs/{created.HubId}");
            }
            catch (HubRefusedException refused)
            {
                HubPage.AddRefusal(ModelState, refused);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Form", new HubPage(null, form, FiguresPublished: false));
    }

    [HttpGet("{hubId:guid}")]
    public async Task<IActionResult> Edit(Guid hubId, CancellationToken cancellationToken)
    {
        var stored = await hub.Handle(new GetHubQuery(hubId), cancellationToken);
        return View("Form", new HubPage(hubId, HubForm.From(hubId: null, stored.Hub) with { Version = stored.Version }, stored.FiguresPublished));
    }

    /// <summary>
    /// Saves the form, or draws it again with what was typed: 400 with each refusal beside its field, or 409 when the
    /// hub changed since the form was drawn (another administrator, a publication), saying so above the form.
    /// </summary>
    [HttpPost("{hubId:guid}")]
    [RefusedPage("The hub was not changed")]
    public async Task<IActionResult> Change(Guid hubId, [Bind(Prefix = nameof(HubPage.Form))] HubForm form, CancellationToken cancellationToken)
    {
        var status = StatusCodes.Status400BadRequest;
        if (ModelState.IsValid)
        {
            try
            {
                await change.Handle(new ChangeHubSettingsCommand(hubId, form.ToInput(), form.Version ?? 0), cancellationToken);
                TempData[Saved] = "The changes were saved.";
                return Redirect($"/admin/hubs/{hubId}");
            }
            catch (HubRefusedException refused)
            {
                HubPage.AddRefusal(ModelState, refused);
            }
            catch (ConflictException conflict)
            {
                ModelState.AddModelError(string.Empty, conflict.Message);
                status = StatusCodes.Status409Conflict;
            }
        }

        // Read again so that a hub that does not exist is a 404 here too, and the published-figures note is current.
        var stored = await hub.Handle(new GetHubQuery(hubId), cancellationToken);
        if (status == StatusCodes.Status409Conflict)
        {
            // The typed values stay; the form now names the version saved meanwhile, so saving again is a choice made
            // knowing that the hub changed, not the same silent overwrite.
            ModelState.Remove($"{nameof(HubPage.Form)}.{nameof(HubForm.Version)}");
            form = form with { Version = stored.Version };
        }

        Response.StatusCode = status;
        return View("Form", new HubPage(hubId, form, stored.FiguresPublished));
    }
}
