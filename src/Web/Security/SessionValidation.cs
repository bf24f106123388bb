using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Wellbeing.Application.Accounts;

namespace Wellbeing.Web.Security;

/// <summary>Checks each sign-in cookie against its server-side session (docs/decisions/0007).</summary>
public static class SessionValidation
{
    /// <summary>
    /// A cookie whose session has ended (signed out, password changed, account deleted, expired) is refused and removed,
    /// so the request is treated as anonymous and a page that needs a sign-in redirects there.
    /// </summary>
    /// <remarks>
    /// This replaces Identity's security-stamp check rather than running before it: every change that alters the stamp
    /// here (a password change) ends the account's sessions, and nothing changes an account's roles or hub after it is
    /// created, so re-reading the account and re-issuing the cookie now and then would add work and no safety.
    /// </remarks>
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<ISignInSessions>();
        if (context.Principal is null || !await sessions.IsOpenAsync(context.Principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
