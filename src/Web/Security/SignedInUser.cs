using System.Security.Claims;

namespace Wellbeing.Web.Security;

public static class SignedInUser
{
    public static string Id(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The request is not signed in.");

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(HubClaimsPrincipalFactory.DisplayNameClaim) ?? user.Identity?.Name ?? string.Empty;

    public static Guid? HrHubId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(HubClaimsPrincipalFactory.HrHubClaim), out var id) ? id : null;
}
