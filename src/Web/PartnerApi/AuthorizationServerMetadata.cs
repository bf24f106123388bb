using System.Collections.Immutable;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Wellbeing.Web.PartnerApi;

/// <summary>
/// The discovery document at /.well-known/oauth-authorization-server (RFC 8414 §3) says only what a partner system can
/// use: the issuer, the token endpoint, the signing keys, the client-credentials grant, the partner scopes and the two
/// ways of sending a client secret. OpenIddict also lists OpenID Connect values (claims, subject types, prompts, ID
/// token algorithms) and client assertions, none of which a partner can use here. <c>response_types_supported</c> is
/// required by RFC 8414 §2 and is empty: there is no authorization endpoint.
/// </summary>
public sealed class AuthorizationServerMetadata : IOpenIddictServerHandler<OpenIddictServerEvents.ApplyConfigurationResponseContext>
{
    /// <summary>Client authentication at the token endpoint (RFC 6749 §2.3.1): HTTP Basic or the form body.</summary>
    public static readonly ImmutableArray<string?> SecretMethods =
        [ClientAuthenticationMethods.ClientSecretBasic, ClientAuthenticationMethods.ClientSecretPost];

    private static readonly HashSet<string> Kept = new(StringComparer.Ordinal)
    {
        Metadata.Issuer, Metadata.TokenEndpoint, Metadata.JwksUri, Metadata.ScopesSupported, Metadata.GrantTypesSupported,
    };

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.ApplyConfigurationResponseContext>()
            .UseSingletonHandler<AuthorizationServerMetadata>()
            .SetOrder(int.MinValue + 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(OpenIddictServerEvents.ApplyConfigurationResponseContext context)
    {
        if (context.Response.Error is not null)
        {
            return ValueTask.CompletedTask;
        }

        foreach (var name in context.Response.GetParameters().Keys.Where(name => !Kept.Contains(name)).ToList())
        {
            context.Response.RemoveParameter(name);
        }

        context.Response.SetParameter(Metadata.TokenEndpointAuthMethodsSupported, new OpenIddictParameter(SecretMethods));

        // AddParameter, unlike SetParameter, keeps an empty array instead of dropping it.
        context.Response.AddParameter(Metadata.ResponseTypesSupported, new OpenIddictParameter(ImmutableArray<string?>.Empty));
        return ValueTask.CompletedTask;
    }
}
