using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.EntityFrameworkCore.Models;

namespace Wellbeing.Infrastructure.PartnerClients;

/// <summary>
/// OpenIddict's application manager with one addition: a secret can be checked against a decoy, with the same key
/// derivation a real client's secret goes through, so that a request naming an unknown client takes as long as one with
/// a wrong secret and the token endpoint does not tell which client ids exist.
/// </summary>
public sealed class PartnerApplicationManager(
    IOpenIddictApplicationCache<OpenIddictEntityFrameworkCoreApplication> cache,
    ILogger<OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<OpenIddictEntityFrameworkCoreApplication> store)
    : OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>(cache, logger, options, store)
{
    /// <summary>The hash of a random secret nobody knows, made once per process by the same obfuscation as real secrets.</summary>
    private static Task<string>? _decoy;

    /// <summary>Checks <paramref name="secret"/> against the decoy: always false, at the cost of a real check.</summary>
    public async Task<bool> ValidateDecoySecretAsync(string secret, CancellationToken cancellationToken)
    {
        var decoy = await LazyInitializer.EnsureInitialized(
            ref _decoy,
            () => ObfuscateClientSecretAsync(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), CancellationToken.None).AsTask());
        return await ValidateClientSecretAsync(secret, decoy, cancellationToken);
    }
}
