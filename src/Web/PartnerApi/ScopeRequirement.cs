using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;

namespace Wellbeing.Web.PartnerApi;

/// <summary>The access token must carry <see cref="Scope"/> (RFC 6749 §3.3), read with OpenIddict's scope claims.</summary>
public sealed class ScopeRequirement(string scope) : AuthorizationHandler<ScopeRequirement>, IAuthorizationRequirement
{
    public string Scope { get; } = scope;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        if (context.User.HasScope(requirement.Scope))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// A valid token without the scope an endpoint needs answers 403 with
/// <c>WWW-Authenticate: Bearer error="insufficient_scope", scope="…"</c> (RFC 6750 §3.1), the body then being the
/// API's problem details. Every other authorization result is answered as ASP.NET Core would.
/// </summary>
public sealed class InsufficientScopeAnswer : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden
            || authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<ScopeRequirement>().FirstOrDefault() is not { } missing)
        {
            return _default.HandleAsync(next, context, policy, authorizeResult);
        }

        var properties = new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictValidationAspNetCoreConstants.Properties.Error] = OpenIddictConstants.Errors.InsufficientScope,
            [OpenIddictValidationAspNetCoreConstants.Properties.ErrorDescription] = $"The access token lacks the scope {missing.Scope}.",
            [OpenIddictValidationAspNetCoreConstants.Properties.Scope] = missing.Scope,
        });
        return context.ForbidAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme, properties);
    }
}
