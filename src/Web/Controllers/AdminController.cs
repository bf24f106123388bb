using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wellbeing.Application.Administration.Queries.GetHubs;
using Wellbeing.Application.Aggregates.Commands.RequestAggregateRefresh;
using Wellbeing.Infrastructure.Identity;

namespace Wellbeing.Web.Controllers;

[Authorize(Policy = Roles.Administrator)]
[Route("admin")]
public sealed class AdminController(GetHubsHandler hubs, RequestAggregateRefreshHandler refresh) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await hubs.Handle(new GetHubsQuery(), cancellationToken));

    /// <summary>Queues a refresh now, e.g. after a bulk enrolment; the privacy rules still decide what gets published.</summary>
    [HttpPost("aggregates/refresh")]
    public IActionResult RefreshAggregates()
    {
        refresh.Handle(new RequestAggregateRefreshCommand());
        TempData["Status"] = "A refresh of the statistics has been queued. New figures appear once enough new people have responded.";
        return RedirectToAction(nameof(Index));
    }
}
