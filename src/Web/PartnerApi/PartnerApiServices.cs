using System.Security.Cryptography.X509Certificates;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Validation.AspNetCore;
using Wellbeing.Application.PartnerClients;

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

    public static IServiceCollection AddPartnerApi(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOpenIddict()
            .AddServer(server =>
            {
                server.SetTokenEndpointUris(TokenPath.TrimStart('/'));
                server.AllowClientCredentialsFlow();
                server.RegisterScopes([.. PartnerScopes.Names]);
                AddKeys(server, configuration, environment);
                server.AddEventHandler<OpenIddictServerEvents.HandleTokenRequestContext>(handler => handler.UseScopedHandler<PartnerTokenIssuer>());

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
                validation.UseAspNetCore();

                // Looks each token up, so revoking a partner client stops its tokens at once, not when they expire.
                validation.EnableTokenEntryValidation();
            });

        var authorization = services.AddAuthorizationBuilder();
        foreach (var scope in PartnerScopes.Names)
        {
            authorization.AddPolicy(scope, policy => policy
                .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .RequireAssertion(context => context.User.HasScope(scope)));
        }

        services.AddOpenApi(OpenApiDocumentName, options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer<PartnerApiDocument>();
            options.AddOperationTransformer<PartnerApiDocument>();
        });
        return services;
    }

    /// <summary>Throwaway keys for tests, the per-machine development certificates in Development, configured ones elsewhere.</summary>
    private static void AddKeys(OpenIddictServerBuilder server, IConfiguration configuration, IHostEnvironment environment)
    {
        if (environment.IsTesting())
        {
            server.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
        }
        else if (environment.IsDevelopment())
        {
            server.AddDevelopmentEncryptionCertificate().AddDevelopmentSigningCertificate();
        }
        else
        {
            server.AddSigningCertificate(Certificate(configuration, SigningCertificateSetting))
                .AddEncryptionCertificate(Certificate(configuration, EncryptionCertificateSetting));
        }
    }

    private static X509Certificate2 Certificate(IConfiguration configuration, string setting)
    {
        var path = configuration[$"{setting}:Path"];
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new InvalidOperationException(
                $"The partner API needs {setting}:Path (a PKCS#12 file with its private key) and {setting}:Password outside Development.");
        }

        return X509CertificateLoader.LoadPkcs12FromFile(path, configuration[$"{setting}:Password"]);
    }
}
