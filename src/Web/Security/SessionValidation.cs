using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Wellbeing.Application.Accounts;

namespace Wellbeing.Web.Security;

/// <summary>Checks each sign-in cookie against its server-side session before Identity's own checks.</summary>
public static class SessionValidation
{
    /// <summary>
    /// A cookie whose session has ended (signed out, password changed, expired) is refused and removed, so the request
    /// is treated as anonymous and a page that needs a sign-in redirects there. One lookup by primary key.
    /// </summary>
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<ISignInSessions>();
        if (context.Principal is null || !await sessions.IsOpenAsync(context.Principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
