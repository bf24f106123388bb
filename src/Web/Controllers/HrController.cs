using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Hr.Queries.GetHubOverview;
using Wellbeing.Infrastructure.Identity;
using Wellbeing.Web.Security;

namespace Wellbeing.Web.Controllers;

/// <summary>HR statistics of the manager's own hub; any other hub is "not found", never "forbidden".</summary>
[Authorize(Policy = Roles.HrManager)]
public sealed class HrController(GetHubOverviewHandler overview) : Controller
{
    [HttpGet("hr")]
    public IActionResult Own() => RedirectToAction(nameof(Hub), new { hubId = User.HrHubId() });

    [HttpGet("hubs/{hubId:guid}/hr")]
    public async Task<IActionResult> Hub(Guid hubId, CancellationToken cancellationToken)
    {
        if (User.HrHubId() != hubId)
        {
            throw new NotFoundException("Hub");
        }

        return View(await overview.Handle(new GetHubOverviewQuery(hubId), cancellationToken));
    }
}
