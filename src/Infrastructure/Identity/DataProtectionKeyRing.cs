using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
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

    /// <summary>
    /// The algorithm of each new key: AES-256 in GCM, an authenticated encryption (its 128-bit tag is the integrity
    /// check), run by the platform's AES-GCM (OpenSSL on Linux). ASP.NET Core's default, AES-256-CBC with HMACSHA256,
    /// is as safe but computes the MAC and derives keys in managed code, which made decrypting the sign-in cookie and
    /// the antiforgery tokens about a seventh of every signed-in page's time (docs/performance.md). Keys made before
    /// keep their own algorithm, written in their descriptor, so cookies and forms protected with them still open
    /// until those keys expire.
    /// </summary>
    public const EncryptionAlgorithm KeyAlgorithm = EncryptionAlgorithm.AES_256_GCM;

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
            .PersistKeysToDbContext<WellbeingDbContext>()
            .UseCryptographicAlgorithms(new AuthenticatedEncryptorConfiguration { EncryptionAlgorithm = KeyAlgorithm });
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
