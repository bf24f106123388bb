using Htmx;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wellbeing.Application.Professionals.Queries.GetMyClients;
using Wellbeing.Infrastructure.Identity;
using Wellbeing.Web.Security;

namespace Wellbeing.Web.Controllers;

/// <summary>The professional's clients list; the search box refreshes only the rows when htmx is there.</summary>
[Authorize(Policy = Roles.Professional)]
[Route("clients")]
public sealed class ClientsController(GetMyClientsHandler clients) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? search, int page = 1, CancellationToken cancellationToken = default)
    {
        var model = await clients.Handle(new GetMyClientsQuery(User.Id(), search, page), cancellationToken);
        Response.Headers.Vary = "HX-Request";
        return Request.IsHtmx() ? PartialView("_ClientRows", model) : View(model);
    }
}
