using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wellbeing.Application.Sessions.Commands.EndSession;
using Wellbeing.Domain.Accounts;
using Wellbeing.Web.Errors;
using Wellbeing.Web.Security;

namespace Wellbeing.Web.Controllers;

/// <summary>Sessions the professional runs; ending one may open the client's alliance survey.</summary>
[Authorize(Policy = Roles.Professional)]
[Route("sessions")]
public sealed class SessionsController(EndSessionHandler end) : Controller
{
    [HttpPost("{sessionId:guid}/end")]
    [RefusedPage("The session was not marked as ended")]
    public async Task<IActionResult> End(Guid sessionId, CancellationToken cancellationToken)
    {
        var memberId = await end.Handle(new EndSessionCommand(User.Id(), sessionId), cancellationToken);
        return Redirect($"/clients/{memberId}#sessions");
    }
}
