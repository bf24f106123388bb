using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Wellbeing.Infrastructure.Identity;

namespace Wellbeing.Web.Security;

/// <summary>Puts the HR manager's hub into the sign-in cookie, so every HR request is scoped without a lookup.</summary>
public sealed class HubClaimsPrincipalFactory(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    public const string HrHubClaim = "wellbeing:hr_hub";
    public const string DisplayNameClaim = "wellbeing:display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        if (user.HrHubId is { } hubId)
        {
            identity.AddClaim(new Claim(HrHubClaim, hubId.ToString()));
        }

        return identity;
    }
}
