using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wellbeing.Application.Administration.Queries.GetHubs;
using Wellbeing.Infrastructure.Identity;

namespace Wellbeing.Web.Controllers;

[Authorize(Policy = Roles.Administrator)]
[Route("admin")]
public sealed class AdminController(GetHubsHandler hubs) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await hubs.Handle(new GetHubsQuery(), cancellationToken));
}
