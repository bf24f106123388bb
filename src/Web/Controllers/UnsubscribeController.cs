using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Wellbeing.Application.Clients;
using Wellbeing.Application.Clients.Commands.Unsubscribe;
using Wellbeing.Application.Clients.Queries.GetUnsubscribeLink;
using Wellbeing.Web.Security;

namespace Wellbeing.Web.Controllers;

/// <summary>
/// The unsubscribe link every e-mail carries, used without signing in: the token in the path names the message, and so
/// its member and topic. GET only asks to confirm (mail scanners open links). POST is RFC 8058 one-click: a mail
/// provider posts <c>List-Unsubscribe=One-Click</c> without cookies or any other context (section 3.2), so there is no
/// antiforgery token to check (the unguessable token is the proof), and the answer is always a page, never a redirect
/// (section 3.1); the confirmation page's button posts the same. Pages name the kind of e-mail only. Throttled per
/// client address.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[EnableRateLimiting(SignInThrottle.UnsubscribePolicy)]
[Route("unsubscribe/{token}")]
public sealed class UnsubscribeController(GetUnsubscribeLinkHandler link, UnsubscribeHandler unsubscribe) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Confirm() =>
        Answer(await link.Handle(new GetUnsubscribeLinkQuery(Token), HttpContext.RequestAborted), "Confirm");

    /// <summary>
    /// The body is not read: the token is the proof, and a sender's unreadable form (a broken multipart body, one over the
    /// form limits) would otherwise fail model binding as a whole and leave the token unbound.
    /// </summary>
    [HttpPost("")]
    public async Task<IActionResult> Unsubscribe() =>
        Answer(await unsubscribe.Handle(new UnsubscribeCommand(Token), HttpContext.RequestAborted), "Done");

    /// <summary>The token from the path, taken from the route rather than model binding (see <see cref="Unsubscribe"/>).</summary>
    private string Token => RouteData.Values["token"] as string ?? string.Empty;

    /// <summary>
    /// A working link shows <paramref name="view"/>; a used one 409 and a broken one 400, each with a page saying that
    /// nothing changed and where the choice can still be made.
    /// </summary>
    private ViewResult Answer(UnsubscribeLinkDto result, string view)
    {
        Response.StatusCode = result.State switch
        {
            UnsubscribeLinkState.Works => StatusCodes.Status200OK,
            UnsubscribeLinkState.Used => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        return View(result.State == UnsubscribeLinkState.Works ? view : "NotChanged", result);
    }
}
