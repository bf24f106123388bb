using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Wellbeing.Web.Security;

/// <summary>
/// On the sign-out post: a browser whose session has already ended (signed out in another tab, or everywhere by a
/// password change) goes to the sign-in page. It runs before the antiforgery check on purpose: the page's token was
/// issued to the signed-in person and no longer matches the now anonymous request, which would otherwise end on a 400
/// page. Skipping the check here is safe: there is nothing left to sign out, and the answer is a local redirect.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SignedOutGoesToSignInAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    /// <summary>Before AutoValidateAntiforgeryTokenAttribute (order 1000).</summary>
    public int Order => 0;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        if (context.HttpContext.User.Identity?.IsAuthenticated != true)
        {
            context.Result = new LocalRedirectResult("/account/login");
        }
    }
}
