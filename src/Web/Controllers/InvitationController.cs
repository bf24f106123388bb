using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Wellbeing.Application.Accounts;
using Wellbeing.Application.Invitations.Commands;
using Wellbeing.Application.Invitations.Queries;
using Wellbeing.Web.Security;

namespace Wellbeing.Web.Controllers;

/// <summary>
/// The link of an invitation e-mail, used without signing in: GET shows the set-password form, POST creates the account
/// with the invitation's role and signs its holder in. A link that is used, withdrawn, expired or broken gets a page
/// saying so (409, 410, 410 and 400) and changes nothing. Throttled per client address like the sign-in form.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(SignInThrottle.InvitationPolicy)]
[Route("invitation/{token}")]
public sealed class InvitationController(GetInvitationLinkHandler link, AcceptInvitationHandler accept, IAccountSignIn signIn) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Show(string token, CancellationToken cancellationToken)
    {
        var invitation = await link.Handle(new GetInvitationLinkQuery(token), cancellationToken);
        return invitation.State == InvitationLinkState.Works ? View("SetPassword", new SetPasswordPage(invitation, new SetPasswordForm())) : NotWorking(invitation);
    }

    [HttpPost("")]
    public async Task<IActionResult> Accept(string token, SetPasswordForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            var invitation = await link.Handle(new GetInvitationLinkQuery(token), cancellationToken);
            return invitation.State == InvitationLinkState.Works ? Redraw(invitation, form) : NotWorking(invitation);
        }

        var acceptance = await accept.Handle(new AcceptInvitationCommand(token, form.Password!), cancellationToken);
        if (acceptance.Created)
        {
            // The account was created with this password a moment ago, so signing in cannot be refused.
            await signIn.SignInAsync(acceptance.Email!, form.Password!, cancellationToken);
            return Redirect("/");
        }

        if (acceptance.Link.State != InvitationLinkState.Works)
        {
            return NotWorking(acceptance.Link);
        }

        // A field shows one message, so every rule the password breaks is said in it at once.
        ModelState.AddModelError(nameof(SetPasswordForm.Password), string.Join(" ", acceptance.PasswordErrors));
        return Redraw(acceptance.Link, form);
    }

    private ViewResult Redraw(InvitationLinkDto invitation, SetPasswordForm form)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("SetPassword", new SetPasswordPage(invitation, form));
    }

    private ViewResult NotWorking(InvitationLinkDto invitation)
    {
        Response.StatusCode = invitation.State switch
        {
            InvitationLinkState.Used => StatusCodes.Status409Conflict,
            InvitationLinkState.Withdrawn or InvitationLinkState.Expired => StatusCodes.Status410Gone,
            _ => StatusCodes.Status400BadRequest,
        };
        return View("NotWorking", invitation);
    }
}

public sealed record SetPasswordPage(InvitationLinkDto Invitation, SetPasswordForm Form);

public sealed record SetPasswordForm
{
    [Required(ErrorMessage = "Choose a password.")]
    [DataType(DataType.Password)]
    public string? Password { get; init; }

    [Required(ErrorMessage = "Enter the password again.")]
    [DataType(DataType.Password)]
    [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
    public string? ConfirmPassword { get; init; }
}
