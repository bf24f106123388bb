using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wellbeing.Application.Professionals.Queries.GetClientProfile;
using Wellbeing.Application.Professionals.Queries.GetMyClients;
using Wellbeing.Application.Sessions.Commands.ScheduleSession;
using Wellbeing.Domain.Accounts;
using Wellbeing.Domain.Common;
using Wellbeing.Web.Errors;
using Wellbeing.Web.Forms;
using Wellbeing.Web.Security;

namespace Wellbeing.Web.Controllers;

/// <summary>The professional's clients: the list (the search box refreshes only the rows when htmx is there) and each profile.</summary>
[Authorize(Policy = Roles.Professional)]
[Route("clients")]
public sealed class ClientsController : Controller
{
    // Each action takes its use case as a parameter rather than the controller taking all three: the list is the
    // professional's busiest page, and building the other use cases' dependency graphs on every request was about a
    // tenth of its time (docs/performance.md, "Clients list under load").
    [HttpGet("")]
    [RefusedPage("The client list could not be shown")]
    public async Task<IActionResult> Index([FromServices] GetMyClientsHandler clients, string? search, int page = 1, CancellationToken cancellationToken = default)
    {
        ModelState.ThrowIfQueryInvalid();
        var model = await clients.Handle(new GetMyClientsQuery(User.Id(), search, page), cancellationToken);
        return HttpContext.WantsFragment() ? PartialView("_ClientRows", model) : View(model);
    }

    [HttpGet("{memberId:guid}")]
    public async Task<IActionResult> Profile([FromServices] GetClientProfileHandler profile, Guid memberId, CancellationToken cancellationToken) =>
        View(new ClientProfilePage(await profile.Handle(new GetClientProfileQuery(User.Id(), memberId), cancellationToken), ScheduleSessionForm.New()));

    [HttpPost("{memberId:guid}/sessions")]
    public async Task<IActionResult> ScheduleSession(
        [FromServices] ScheduleSessionHandler schedule,
        [FromServices] GetClientProfileHandler profile,
        Guid memberId,
        [Bind(Prefix = nameof(ClientProfilePage.Form))] ScheduleSessionForm form,
        CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            try
            {
                await schedule.Handle(new ScheduleSessionCommand(User.Id(), memberId, form.SessionId ?? Guid.Empty, form.Date!.Value, form.Time!.Value), cancellationToken);
                return Redirect($"/clients/{memberId}#sessions");
            }
            catch (DomainException refusal)
            {
                ModelState.AddModelError($"{nameof(ClientProfilePage.Form)}.{nameof(ScheduleSessionForm.Date)}", refusal.Message);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Profile), new ClientProfilePage(await profile.Handle(new GetClientProfileQuery(User.Id(), memberId), cancellationToken), form));
    }
}

public sealed record ClientProfilePage(ClientProfileDto Profile, ScheduleSessionForm Form);

/// <summary>Date and time as typed, in the client's hub time zone.</summary>
public sealed record ScheduleSessionForm
{
    /// <summary>Drawn with the form and kept when it is redrawn, so that sending one form twice books one session.</summary>
    public Guid? SessionId { get; init; }

    [Required(ErrorMessage = "Enter the date of the session.")]
    public DateOnly? Date { get; init; }

    [Required(ErrorMessage = "Enter the time the session starts.")]
    public TimeOnly? Time { get; init; }

    public static ScheduleSessionForm New() => new() { SessionId = Guid.NewGuid() };
}
