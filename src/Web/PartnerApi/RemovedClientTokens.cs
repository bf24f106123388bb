using OpenIddict.Abstractions;
using OpenIddict.Validation;
using Wellbeing.Application.PartnerClients;

namespace Wellbeing.Web.PartnerApi;

/// <summary>
/// Refuses an access token whose client is no longer a registered partner system (an administrator removed it on
/// /admin/partners): 401 with <c>error="invalid_token"</c> (RFC 6750 §3.1). It takes the place of OpenIddict's token
/// entry validation, which read the token's row on every request; the client's registration is read through
/// <see cref="IPartnerClients.IsRegisteredAsync"/>, so a removal stops the client's tokens at once on the node that
/// removed it and within <see cref="PartnerClient.RegistrationRecheck"/> on the others.
/// </summary>
public sealed class RemovedClientTokens(IPartnerClients partners) : IOpenIddictValidationHandler<OpenIddictValidationEvents.ValidateTokenContext>
{
    public static OpenIddictValidationHandlerDescriptor Descriptor { get; } =
        OpenIddictValidationHandlerDescriptor.CreateBuilder<OpenIddictValidationEvents.ValidateTokenContext>()
            .UseScopedHandler<RemovedClientTokens>()
            .SetOrder(OpenIddictValidationHandlers.Protection.ValidateTokenEntry.Descriptor.Order)
            .SetType(OpenIddictValidationHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(OpenIddictValidationEvents.ValidateTokenContext context)
    {
        // Access tokens name their client (RFC 9068 §2.2 client_id); OpenIddict keeps it as the token's presenter.
        var client = context.Principal?.GetPresenters().SingleOrDefault();
        if (client is null || !await partners.IsRegisteredAsync(client, context.CancellationToken))
        {
            context.Reject(OpenIddictConstants.Errors.InvalidToken, "The token's client is not a registered partner system.");
        }
    }
}
