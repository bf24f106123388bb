using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wellbeing.Application.Clients.Queries.GetClientDashboard;
using Wellbeing.Domain.Accounts;
using Wellbeing.Web.Security;

namespace Wellbeing.Web.Controllers;

/// <summary>The client's own dashboard: only ever the signed-in client's data.</summary>
[Authorize(Policy = Roles.Client)]
[Route("dashboard")]
public sealed class DashboardController(GetClientDashboardHandler dashboard) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await dashboard.Handle(new GetClientDashboardQuery(User.Id()), cancellationToken));
}
