using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wellbeing.Application.Administration.Commands.AddProfessionalToHub;
using Wellbeing.Application.Administration.Commands.ConnectClient;
using Wellbeing.Application.Administration.Commands.DisconnectClient;
using Wellbeing.Application.Administration.Commands.RemoveProfessionalFromHub;
using Wellbeing.Application.Administration.Queries.GetHubProfessionals;
using Wellbeing.Domain.Accounts;
using Wellbeing.Domain.Common;
using Wellbeing.Web.Forms;

namespace Wellbeing.Web.Controllers;

/// <summary>
/// Administrators manage a hub's professionals: add one who already has a record, take one out of the hub, connect a
/// member of the hub to one of them and end that connection. A refused change redraws the page with the reason beside
/// the form that was sent and what was typed in it. With htmx each change redraws the page's professionals in place
/// (with what happened, or the refusal: 422, which the layout lets htmx swap); without JavaScript the page reloads.
/// </summary>
[Authorize(Policy = Roles.Administrator)]
[Route("admin/hubs/{hubId:guid}/professionals")]
public sealed class HubProfessionalsController(
    GetHubProfessionalsHandler professionals,
    AddProfessionalToHubHandler add,
    RemoveProfessionalFromHubHandler remove,
    ConnectClientHandler connect,
    DisconnectClientHandler disconnect) : Controller
{
    private const string Saved = "Status";
    private const string ChooseBoth = "Choose a professional and a client.";

    private const string Fragment = "_Professionals";

    [HttpGet("")]
    public async Task<IActionResult> Index(Guid hubId, CancellationToken cancellationToken)
    {
        var page = new ProfessionalsPage(await professionals.Handle(new GetHubProfessionalsQuery(hubId), cancellationToken));
        return HttpContext.WantsFragment() ? PartialView(Fragment, page) : View(page);
    }

    [HttpPost("")]
    public Task<IActionResult> Add(Guid hubId, string? email, CancellationToken cancellationToken) =>
        ChangeAsync(hubId, new FormMessage(ProfessionalsPage.AddForm, email), "The professional was added to the hub.", () => add.Handle(new AddProfessionalToHubCommand(hubId, email), cancellationToken), cancellationToken);

    [HttpPost("remove")]
    public Task<IActionResult> Remove(Guid hubId, Guid? professionalId, CancellationToken cancellationToken) =>
        ChangeAsync(hubId, new FormMessage(ProfessionalsPage.RemoveForm(professionalId)), "The professional was removed from the hub.", () => professionalId is { } professional
            ? remove.Handle(new RemoveProfessionalFromHubCommand(hubId, professional), cancellationToken)
            : throw new DomainException(ChooseBoth), cancellationToken);

    [HttpPost("connect")]
    public Task<IActionResult> Connect(Guid hubId, Guid? professionalId, string? memberEmail, CancellationToken cancellationToken) =>
        ChangeAsync(hubId, new FormMessage(ProfessionalsPage.ConnectForm(professionalId), memberEmail), "The client was connected.", () => professionalId is { } professional
            ? connect.Handle(new ConnectClientCommand(hubId, professional, memberEmail), cancellationToken)
            : throw new DomainException(ChooseBoth), cancellationToken);

    [HttpPost("disconnect")]
    public Task<IActionResult> Disconnect(Guid hubId, Guid? professionalId, Guid? memberId, CancellationToken cancellationToken) =>
        ChangeAsync(hubId, new FormMessage(ProfessionalsPage.DisconnectForm(professionalId, memberId)), "The client was disconnected; what they shared with the professional is no longer shared.", () => (professionalId, memberId) is ({ } professional, { } member)
            ? disconnect.Handle(new DisconnectClientCommand(hubId, professional, member), cancellationToken)
            : throw new DomainException(ChooseBoth), cancellationToken);

    /// <summary>
    /// Runs the change and goes back to the page (htmx: the professionals redrawn with <paramref name="done"/>), or redraws
    /// it with the rule's message beside <paramref name="form"/> (400; htmx: the professionals, 422).
    /// </summary>
    private async Task<IActionResult> ChangeAsync(Guid hubId, FormMessage form, string done, Func<Task> change, CancellationToken cancellationToken)
    {
        try
        {
            await change();
            if (HttpContext.WantsFragment())
            {
                return PartialView(Fragment, new ProfessionalsPage(await professionals.Handle(new GetHubProfessionalsQuery(hubId), cancellationToken), Status: done));
            }

            TempData[Saved] = done;
            return Redirect($"/admin/hubs/{hubId}/professionals");
        }
        catch (DomainException refused)
        {
            var page = new ProfessionalsPage(await professionals.Handle(new GetHubProfessionalsQuery(hubId), cancellationToken), form with { Message = refused.Message });
            if (HttpContext.WantsFragment())
            {
                Response.StatusCode = HtmxFragments.RefusedStatus;
                return PartialView(Fragment, page);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Index), page);
        }
    }
}

/// <summary>The hub's professionals page, with the message of a refused form and what was typed in it.</summary>
/// <param name="Hub">The hub's professionals and their clients.</param>
/// <param name="Refused">The form that was refused, with what was typed in it and why.</param>
/// <param name="Status">What the change just made did, shown above the professionals when they are redrawn in place.</param>
public sealed record ProfessionalsPage(HubProfessionalsDto Hub, FormMessage? Refused = null, string? Status = null)
{
    public const string AddForm = "add";

    public static string RemoveForm(Guid? professionalId) => $"remove-{professionalId}";

    public static string ConnectForm(Guid? professionalId) => $"connect-{professionalId}";

    public static string DisconnectForm(Guid? professionalId, Guid? memberId) => $"disconnect-{professionalId}-{memberId}";

    /// <summary>
    /// The refusal's message when its form is not on the page (a professional of another hub, a pair no longer
    /// connected), so it is shown above the page rather than nowhere.
    /// </summary>
    public string? Unplaced => Refused is { } refused && !Forms().Contains(refused.Form) ? refused.Message : null;

    /// <summary>The refusal's message when <paramref name="form"/> was the one sent.</summary>
    public string? MessageFor(string form) => Refused?.Form == form ? Refused.Message : null;

    /// <summary>What was typed in <paramref name="form"/> when it was the one refused.</summary>
    public string? TypedIn(string form) => Refused?.Form == form ? Refused.Typed : null;

    private IEnumerable<string> Forms() =>
    [
        AddForm,
        .. Hub.Professionals.SelectMany(p => new[] { RemoveForm(p.Id), ConnectForm(p.Id) }.Concat(p.Clients.Select(c => DisconnectForm(p.Id, c.MemberId)))),
    ];
}

/// <param name="Form">Which form on the page (<see cref="ProfessionalsPage.AddForm"/> and the others).</param>
/// <param name="Typed">What the form's one text field held.</param>
/// <param name="Message">Why the change was refused.</param>
public sealed record FormMessage(string Form, string? Typed = null, string? Message = null);
