using OpenIddict.Abstractions;
using OpenIddict.Server;
using Wellbeing.Infrastructure.PartnerClients;

namespace Wellbeing.Web.PartnerApi;

/// <summary>
/// A token request naming an unknown client and one with a known client but a wrong secret read the same: 401
/// <c>invalid_client</c> (RFC 6749 §5.2) with one description, and about the same time, because the unknown client's
/// secret is checked against a decoy with the same key derivation (<see cref="PartnerApplicationManager"/>). Otherwise
/// the answer would tell which client ids exist.
/// </summary>
public sealed class ClientAuthenticationAnswers(PartnerApplicationManager applications) :
    IOpenIddictServerHandler<OpenIddictServerEvents.ProcessAuthenticationContext>,
    IOpenIddictServerHandler<OpenIddictServerEvents.ApplyTokenResponseContext>
{
    public const string InvalidClientDescription = "The client credentials are invalid.";

    /// <summary>Runs before OpenIddict refuses an unknown client, so that the refusal comes after the same work.</summary>
    public static OpenIddictServerHandlerDescriptor SameWork { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.ProcessAuthenticationContext>()
            .UseScopedHandler<ClientAuthenticationAnswers>()
            .SetOrder(OpenIddictServerHandlers.ValidateClientId.Descriptor.Order - 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    /// <summary>Runs before the response is written, so that the status, body and WWW-Authenticate header agree.</summary>
    public static OpenIddictServerHandlerDescriptor SameAnswer { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.ApplyTokenResponseContext>()
            .UseScopedHandler<ClientAuthenticationAnswers>()
            .SetOrder(OpenIddictServerHandlers.Exchange.NormalizeErrorResponse.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(OpenIddictServerEvents.ProcessAuthenticationContext context)
    {
        if (context.EndpointType is OpenIddictServerEndpointType.Token
            && context.ClientId is { Length: > 0 } clientId
            && context.ClientSecret is { Length: > 0 } secret
            && await applications.FindByClientIdAsync(clientId, context.CancellationToken) is null)
        {
            await applications.ValidateDecoySecretAsync(secret, context.CancellationToken);
        }
    }

    public ValueTask HandleAsync(OpenIddictServerEvents.ApplyTokenResponseContext context)
    {
        if (context.Response.Error == OpenIddictConstants.Errors.InvalidClient)
        {
            context.Response.ErrorDescription = InvalidClientDescription;
            context.Response.ErrorUri = null;
        }

        return ValueTask.CompletedTask;
    }
}
