using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Wellbeing.Application.Accounts;
using Wellbeing.Web.Security;

namespace Wellbeing.Web.Controllers;

[Route("account")]
public sealed class AccountController(IAccountSignIn accounts) : Controller
{
    [AllowAnonymous]
    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [SignedInGoesOn]
    [EnableRateLimiting(SignInThrottle.Policy)]
    [HttpPost("login")]
    public async Task<IActionResult> Login(LoginForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        if (await accounts.SignInAsync(form.Email!, form.Password!, cancellationToken))
        {
            return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl! : "/");
        }

        // One message for a wrong e-mail and a wrong password, so the form does not reveal who has an account.
        ModelState.AddModelError(string.Empty, "The e-mail address or password is not right.");
        return View(form with { Password = null });
    }

    [SignedOutGoesToSignIn]
    [HttpPost("logout")]
    public async Task<IActionResult> Logout(CancellationToken cancellationToken)
    {
        await accounts.SignOutAsync(User, cancellationToken);
        return Redirect("/account/login");
    }

    [Authorize]
    [HttpGet("password")]
    public IActionResult ChangePassword() => View(new ChangePasswordForm());

    // Whoever holds a signed-in browser could otherwise guess its current password at full speed and take the account.
    [Authorize]
    [EnableRateLimiting(SignInThrottle.Policy)]
    [HttpPost("password")]
    public async Task<IActionResult> ChangePassword(ChangePasswordForm form, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var change = await accounts.ChangePasswordAsync(User, form.CurrentPassword!, form.NewPassword!, cancellationToken);
            if (change.Succeeded)
            {
                return RedirectToAction(nameof(PasswordChanged));
            }

            // A field shows one message, so every rule a new password breaks is said in it at once.
            foreach (var field in change.Errors.GroupBy(e => e.Field))
            {
                ModelState.AddModelError(
                    field.Key == PasswordField.Current ? nameof(form.CurrentPassword) : nameof(form.NewPassword),
                    string.Join(" ", field.Select(e => e.Message)));
            }
        }

        // The password tag helper never writes a value back, so the boxes come back empty beside their messages.
        return View(form);
    }

    [Authorize]
    [HttpGet("password/changed")]
    public IActionResult PasswordChanged() => View();
}

public sealed record LoginForm
{
    [Required(ErrorMessage = "Enter your e-mail address.")]
    [EmailAddress(ErrorMessage = "Enter an e-mail address like name@example.com.")]
    public string? Email { get; init; }

    [Required(ErrorMessage = "Enter your password.")]
    [DataType(DataType.Password)]
    public string? Password { get; init; }

    public string? ReturnUrl { get; init; }
}

public sealed record ChangePasswordForm
{
    [Required(ErrorMessage = "Enter your current password.")]
    [DataType(DataType.Password)]
    public string? CurrentPassword { get; init; }

    [Required(ErrorMessage = "Enter a new password.")]
    [DataType(DataType.Password)]
    public string? NewPassword { get; init; }

    [Required(ErrorMessage = "Enter the new password again.")]
    [DataType(DataType.Password)]
    [Compare(nameof(NewPassword), ErrorMessage = "The two new passwords are not the same.")]
    public string? ConfirmPassword { get; init; }
}
