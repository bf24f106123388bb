using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Wellbeing.Application.PartnerClients;

namespace Wellbeing.Web.PartnerApi;

/// <summary>
/// Completes the generated OpenAPI document with what the endpoints cannot say themselves: how to get a token (OAuth 2.0
/// client credentials at the token endpoint, with the scopes there are) and which scope each operation needs, read
/// from the operation's own authorization policy so the document cannot drift from what is enforced; the terms of use,
/// what each tag groups, and server URLs without a trailing slash (paths begin with one).
/// </summary>
public sealed class PartnerApiDocument : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string SecuritySchemeName = "partnerOAuth";

    /// <summary>What each tag (one per controller) groups.</summary>
    public static readonly IReadOnlyDictionary<string, string> TagDescriptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["HubAggregates"] = "The hub's published, anonymised statistics: the HR page's figures, one block per closed reporting period.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Wellbeing Hubs partner API",
            Version = PartnerApiServices.OpenApiDocumentName,
            Description = "For partner systems of one hub. Every token belongs to one hub and carries scopes; another hub's "
                + "resources are not found. Errors are RFC 9457 problem details. Tokens come from the token endpoint with the "
                + "client-credentials grant and go in the Authorization header only (RFC 6750 §2.1); the token endpoint answers "
                + "429 with Retry-After when a client or an address asks too often.",
            License = new OpenApiLicense
            {
                Name = "Proprietary: for partner systems an administrator of the hub has registered",
                Identifier = "LicenseRef-Proprietary",
            },
        };
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            tag.Description = tag.Name is { } name && TagDescriptions.TryGetValue(name, out var description) ? description : tag.Description;
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SecuritySchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = "Client credentials issued by an administrator of the hub.",
            Flows = new OpenApiOAuthFlows
            {
                ClientCredentials = new OpenApiOAuthFlow
                {
                    TokenUrl = new Uri(PartnerApiServices.TokenPath, UriKind.Relative),
                    Scopes = PartnerScopes.All.ToDictionary(s => s.Name, s => s.Description),
                },
            },
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var scopes = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>()
            .Select(a => a.Policy)
            .OfType<string>()
            .Where(PartnerScopes.Names.Contains)
            .Distinct()
            .ToList();
        if (scopes.Count > 0)
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemeName, context.Document)] = scopes });
        }

        return Task.CompletedTask;
    }
}
