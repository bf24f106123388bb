using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using Wellbeing.Application.PartnerClients;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Wellbeing.Web.PartnerApi;

/// <summary>
/// Answers a client-credentials request that OpenIddict has already checked (client id, secret, and that each requested
/// scope is one the client holds): the access token names the client, its hub and the granted scopes, nothing else.
/// </summary>
public sealed class PartnerTokenIssuer(IPartnerClients partners) : IOpenIddictServerHandler<OpenIddictServerEvents.HandleTokenRequestContext>
{
    public async ValueTask HandleAsync(OpenIddictServerEvents.HandleTokenRequestContext context)
    {
        // OpenIddict refuses every other grant type before this handler runs, and always knows the client by then.
        var client = context.ClientId is { } clientId ? await partners.FindAsync(clientId, context.CancellationToken) : null;
        if (client is null)
        {
            context.Reject(OpenIddictConstants.Errors.InvalidClient, "The client is not a partner system of a hub.");
            return;
        }

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, client.ClientId);
        identity.SetClaim(PartnerCaller.HubClaim, client.HubId.ToString());
        identity.SetScopes(context.Request.GetScopes());
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        context.SignIn(new ClaimsPrincipal(identity));
    }
}
