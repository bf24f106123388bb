using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Routing;

namespace Wellbeing.Web.Security;

/// <summary>
/// On the sign-in form's post: someone already signed in goes straight where they were going (the local returnUrl, else
/// "/"). It runs before the antiforgery check on purpose: a sign-in form left open in a second tab carries a token
/// issued to the anonymous visitor, which no longer matches once the first tab has signed in, and would otherwise
/// end on a 400 page. Skipping the check here is safe: the request changes nothing and can only redirect locally.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class SignedInGoesOnAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>Before AutoValidateAntiforgeryTokenAttribute (order 1000).</summary>
    public int Order => 0;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (http.User.Identity?.IsAuthenticated != true)
        {
            return;
        }

        var returnUrl = http.Request.HasFormContentType
            ? (await http.Request.ReadFormAsync(http.RequestAborted))["ReturnUrl"].ToString()
            : string.Empty;
        var url = http.RequestServices.GetRequiredService<IUrlHelperFactory>().GetUrlHelper(context).IsLocalUrl(returnUrl) ? returnUrl : "/";
        context.Result = new LocalRedirectResult(url);
    }
}
