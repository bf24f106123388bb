using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Wellbeing.Web.Controllers;

[AllowAnonymous]
[Route("errors")]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    /// <summary>Re-executed by the exception and status-code middleware; keeps the original status code.</summary>
    /// <param name="status">An HTTP error status, 400-599 (RFC 9110 §15); anything else is no error page and answers 404.</param>
    [Route("{status:int:range(400,599)?}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Show(int? status)
    {
        var code = status ?? (Response.StatusCode >= 400 ? Response.StatusCode : StatusCodes.Status500InternalServerError);
        Response.StatusCode = code;
        return View("Error", code);
    }
}
