using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wellbeing.Application.Professionals.Queries.GetMyAllianceScore;
using Wellbeing.Domain.Accounts;
using Wellbeing.Web.Security;

namespace Wellbeing.Web.Controllers;

/// <summary>The professional's own alliance score, an aggregate over their clients' ratings.</summary>
[Authorize(Policy = Roles.Professional)]
[Route("my-alliance")]
public sealed class MyAllianceController(GetMyAllianceScoreHandler score) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await score.Handle(new GetMyAllianceScoreQuery(User.Id()), cancellationToken));
}
