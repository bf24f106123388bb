using Microsoft.AspNetCore.DataProtection;
using Wellbeing.Infrastructure.Persistence;

namespace Wellbeing.Web.Security;

/// <summary>
/// Where the data-protection key ring lives (sign-in cookies, antiforgery tokens, unsubscribe links): in the
/// application's database, table DataProtectionKeys, so a redeployed container keeps everyone signed in and every
/// node accepts every other node's cookies and forms. Outside Development and the tests each key is encrypted at rest
/// with a configured certificate (<see cref="CertificateSetting"/>), so a copy of the database alone cannot forge a
/// cookie.
/// </summary>
public static class DataProtectionKeys
{
    /// <summary>The certificate section: <c>:Path</c> and <c>:Password</c>, or <c>:Thumbprint</c> (<see cref="ConfiguredCertificate"/>).</summary>
    public const string CertificateSetting = "DataProtection:Certificate";

    /// <summary>
    /// One name for every node: by default ASP.NET Core isolates key rings by content root path, which differs between
    /// nodes deployed to different folders.
    /// </summary>
    public const string ApplicationName = "Wellbeing";

    /// <exception cref="InvalidOperationException">
    /// Outside Development and Testing no certificate is configured (the message names the settings), or the configured
    /// one cannot be used (<see cref="ConfiguredCertificate.Load"/>).
    /// </exception>
    public static IServiceCollection AddDataProtectionKeys(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var builder = services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<WellbeingDbContext>();
        var certificate = ConfiguredCertificate.Load(configuration, CertificateSetting);
        if (certificate is not null)
        {
            // Also registers the certificate for decryption, so no certificate store is consulted when reading keys.
            builder.ProtectKeysWithCertificate(certificate);
        }
        else if (!environment.IsDevelopment() && !environment.IsTesting())
        {
            throw new InvalidOperationException(
                $"Outside Development the data-protection keys are encrypted with a certificate: set {CertificateSetting}:Path " +
                $"(a PKCS #12 file with an RSA private key) and {CertificateSetting}:Password, or {CertificateSetting}:Thumbprint " +
                "(a certificate in the current user's personal store). Every node needs the same certificate.");
        }

        return services;
    }
}
