using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wellbeing.Application.Administration.Queries.GetHubs;
using Wellbeing.Application.Statistics.Commands.RequestPublication;
using Wellbeing.Domain.Accounts;

namespace Wellbeing.Web.Controllers;

[Authorize(Policy = Roles.Administrator)]
[Route("admin")]
public sealed class AdminController(GetHubsHandler hubs, RequestPublicationHandler publication) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await hubs.Handle(new GetHubsQuery(), cancellationToken));

    /// <summary>Every hub, each linking to its own page, and the link to create one.</summary>
    [HttpGet("hubs")]
    public async Task<IActionResult> Hubs(CancellationToken cancellationToken) =>
        View(await hubs.Handle(new GetHubsQuery(), cancellationToken));

    /// <summary>Queues the publication now rather than at the next hourly run; only closed, unpublished periods are published.</summary>
    [HttpPost("statistics/publish")]
    public async Task<IActionResult> Publish(CancellationToken cancellationToken)
    {
        await publication.Handle(new RequestPublicationCommand(), cancellationToken);
        TempData["Status"] = "Publication has been queued. Each reporting period that has closed and is not yet published will be published once; published figures never change.";
        return RedirectToAction(nameof(Index));
    }
}
