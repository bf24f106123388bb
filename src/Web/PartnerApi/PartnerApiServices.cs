using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Validation.AspNetCore;
using Wellbeing.Application.PartnerClients;
using Wellbeing.Web.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Wellbeing.Web.PartnerApi;

/// <summary>
/// The partner REST API's security: an OAuth 2.0 server that knows only the client-credentials grant, and bearer-token
/// validation against that same server for the /api routes. Cookies never reach the API: its policies authenticate
/// with the bearer scheme alone.
/// </summary>
public static class PartnerApiServices
{
    public const string TokenPath = "/connect/token";
    public const string OpenApiDocumentName = "v1";

    /// <summary>Settings holding a PKCS#12 file and its password, one pair per key use, required outside Development.</summary>
    public const string SigningCertificateSetting = "PartnerApi:SigningCertificate";
    public const string EncryptionCertificateSetting = "PartnerApi:EncryptionCertificate";

    /// <summary>Bits of the throwaway RSA signing key; production certificates should be the same size (README).</summary>
    public const int SigningKeySize = 2048;

    public static IServiceCollection AddPartnerApi(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOpenIddict()
            .AddServer(server =>
            {
                server.SetTokenEndpointUris(TokenPath.TrimStart('/'));

                // RFC 8414 metadata only: this server issues no ID tokens, so it is no OpenID Provider.
                server.SetConfigurationEndpointUris(".well-known/oauth-authorization-server");
                server.AllowClientCredentialsFlow();
                server.RegisterScopes([.. PartnerScopes.Names]);

                // OpenIddict accepts "openid" unless told otherwise, and would answer it with an ID token; taken out, it
                // is an unknown scope like any other: invalid_scope (RFC 6749 §5.2).
                server.Configure(options => options.Scopes.Remove(Scopes.OpenId));

                // Signed, not encrypted (RFC 9068 JWT access tokens): a token holds the client id, its hub id and its
                // scopes, nothing about a person, and decrypting an RSA-wrapped key on every request cost more than
                // the rest of the request.
                server.DisableAccessTokenEncryption();
                AddKeys(server, configuration, environment);
                server.AddEventHandler<OpenIddictServerEvents.HandleTokenRequestContext>(handler => handler.UseScopedHandler<PartnerTokenIssuer>());
                server.AddEventHandler(ClientAuthenticationAnswers.SameWork);
                server.AddEventHandler(ClientAuthenticationAnswers.SameAnswer);
                server.AddEventHandler(AuthorizationServerMetadata.Descriptor);

                var aspNetCore = server.UseAspNetCore();
                if (environment.IsDevelopment() || environment.IsTesting())
                {
                    // The embedded default and the tests serve plain http on localhost; everywhere else stays HTTPS-only.
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();

                // Only the Authorization header (RFC 6750 §2.1): a token in the URL ends up in logs and histories
                // (RFC 6750 §5.3), and the API takes no form bodies.
                validation.UseAspNetCore().DisableAccessTokenExtractionFromQueryString().DisableAccessTokenExtractionFromBodyForm();

                // Instead of reading each token's row (token entry validation), the token's client must still be
                // registered: revoking a partner client is the only way a token is withdrawn before it expires.
                validation.AddEventHandler(RemovedClientTokens.Descriptor);
            });

        var authorization = services.AddAuthorizationBuilder();
        foreach (var scope in PartnerScopes.Names)
        {
            authorization.AddPolicy(scope, policy => policy
                .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .AddRequirements(new ScopeRequirement(scope)));
        }

        services.AddSingleton<IAuthorizationMiddlewareResultHandler, InsufficientScopeAnswer>();
        services.Configure<TokenEndpointThrottleOptions>(configuration.GetSection(TokenEndpointThrottleOptions.Section));

        // The rate limiter's services; the token endpoint's limits are its own (UseTokenEndpointThrottle), not global ones.
        services.AddRateLimiter(_ => { });

        // The OpenAPI document describes values with these settings. The web defaults let numbers be read from strings
        // too, and the document then types every number as "number or string"; the API only writes numbers, and
        // writing does not depend on this setting.
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        services.AddOpenApi(OpenApiDocumentName, options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer<PartnerApiDocument>();
            options.AddOperationTransformer<PartnerApiDocument>();
        });
        return services;
    }

    /// <summary>
    /// Throwaway keys made at start-up in Development and the tests (tokens end with the process), configured
    /// certificates elsewhere. The signing key is RSA 2048-bit (RS256): every API request verifies a signature, and
    /// RSA verification is cheap at that size; OpenIddict's development certificates are 4096-bit. The encryption key
    /// encrypts no access token (see DisableAccessTokenEncryption) but OpenIddict's server needs one.
    /// </summary>
    private static void AddKeys(OpenIddictServerBuilder server, IConfiguration configuration, IHostEnvironment environment)
    {
        if (environment.IsDevelopment() || environment.IsTesting())
        {
            server.AddSigningKey(new RsaSecurityKey(RSA.Create(SigningKeySize))).AddEphemeralEncryptionKey();
        }
        else
        {
            server.AddSigningCertificate(Certificate(configuration, SigningCertificateSetting))
                .AddEncryptionCertificate(Certificate(configuration, EncryptionCertificateSetting));
        }
    }

    private static X509Certificate2 Certificate(IConfiguration configuration, string setting) =>
        ConfiguredCertificate.Load(configuration, setting) ?? throw new InvalidOperationException(
            $"The partner API needs {setting}:Path (a PKCS#12 file with its private key) and {setting}:Password, or {setting}:Thumbprint, outside Development.");
}
