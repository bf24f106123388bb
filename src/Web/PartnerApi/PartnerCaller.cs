using System.Security.Claims;

namespace Wellbeing.Web.PartnerApi;

/// <summary>What an access token says about the partner system calling the API.</summary>
public static class PartnerCaller
{
    /// <summary>The one hub the token's client belongs to; every API route checks it against the hub in the URL.</summary>
    public const string HubClaim = "wellbeing_hub";

    public static Guid? PartnerHubId(this ClaimsPrincipal caller) =>
        Guid.TryParse(caller.FindFirstValue(HubClaim), out var id) ? id : null;
}
