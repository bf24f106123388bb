using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wellbeing.Application.Clients.Commands.ChangeSharing;
using Wellbeing.Application.Clients.Queries.GetScoreViews;
using Wellbeing.Application.Clients.Queries.GetSharing;
using Wellbeing.Domain.Accounts;
using Wellbeing.Domain.Common;
using Wellbeing.Web.Errors;
using Wellbeing.Web.Forms;
using Wellbeing.Web.Security;

namespace Wellbeing.Web.Controllers;

/// <summary>What the client shares with whom, and who looked. Each change is saved at once and read on every request.</summary>
[Authorize(Policy = Roles.Client)]
[Route("sharing")]
public sealed class SharingController(GetSharingHandler sharing, ChangeSharingHandler change, GetScoreViewsHandler views) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await sharing.Handle(new GetSharingQuery(User.Id()), cancellationToken));

    /// <summary>htmx swaps the one changed professional; without JavaScript the page reloads.</summary>
    [HttpPost("")]
    [RefusedPage("Sharing was not changed")]
    public async Task<IActionResult> Change(Guid professionalId, Measure? measure, bool? share, CancellationToken cancellationToken)
    {
        // A form refused as a whole (a field sent twice) is redrawn; an unreadable measure or choice reaches the use
        // case as null and is refused there in its own words.
        if (ModelState[string.Empty]?.Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Index), await sharing.Handle(new GetSharingQuery(User.Id()), cancellationToken));
        }

        var row = await change.Handle(new ChangeSharingCommand(User.Id(), professionalId, measure, share), cancellationToken);
        return HttpContext.WantsFragment() ? PartialView("_SharingRow", row) : Redirect("/sharing");
    }

    [HttpGet("views")]
    public async Task<IActionResult> Views(CancellationToken cancellationToken) =>
        View(await views.Handle(new GetScoreViewsQuery(User.Id()), cancellationToken));
}
