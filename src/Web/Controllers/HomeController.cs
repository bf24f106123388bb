using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wellbeing.Domain.Accounts;

namespace Wellbeing.Web.Controllers;

public sealed class HomeController : Controller
{
    /// <summary>Everyone lands on the page of their role.</summary>
    [Authorize]
    [HttpGet("/")]
    public IActionResult Index()
    {
        if (User.IsInRole(Roles.Client))
        {
            return RedirectToAction(nameof(DashboardController.Index), "Dashboard");
        }

        if (User.IsInRole(Roles.Professional))
        {
            return RedirectToAction(nameof(ClientsController.Index), "Clients");
        }

        if (User.IsInRole(Roles.HrManager))
        {
            return RedirectToAction(nameof(HrController.Own), "Hr");
        }

        return User.IsInRole(Roles.Administrator) ? RedirectToAction(nameof(AdminController.Index), "Admin") : Forbid();
    }
}
