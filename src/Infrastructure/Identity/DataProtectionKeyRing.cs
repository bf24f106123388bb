using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Wellbeing.Infrastructure.Persistence;

namespace Wellbeing.Infrastructure.Identity;

/// <summary>
/// Where the data-protection key ring lives (sign-in cookies, antiforgery tokens, unsubscribe links): in the
/// application's database, table DataProtectionKeys, so a redeployed container keeps everyone signed in and every
/// node accepts every other node's cookies and forms.
/// </summary>
public static class DataProtectionKeyRing
{
    /// <summary>
    /// One name for every node: by default ASP.NET Core isolates key rings by content root path, which differs between
    /// nodes deployed to different folders.
    /// </summary>
    public const string ApplicationName = "Wellbeing";

    /// <param name="services">The host's services.</param>
    /// <param name="certificate">
    /// Encrypts each new key at rest (XML encryption with the certificate's RSA key) and decrypts it again, so a copy
    /// of the database alone cannot forge a cookie; null stores the keys unencrypted (Development and the tests).
    /// </param>
    /// <param name="previousCertificate">
    /// Decrypts only: the certificate being replaced, whose keys stay in the ring and in use until they expire (90 days).
    /// </param>
    public static IServiceCollection AddDataProtectionKeyRing(this IServiceCollection services, X509Certificate2? certificate, X509Certificate2? previousCertificate)
    {
        var builder = services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<WellbeingDbContext>();
        if (certificate is not null)
        {
            // Also registers the certificate for decryption, so no certificate store is consulted when reading keys.
            builder.ProtectKeysWithCertificate(certificate);
        }

        if (previousCertificate is not null)
        {
            builder.UnprotectKeysWithAnyCertificate(previousCertificate);
        }

        return services;
    }
}
