using System.Security.Cryptography.X509Certificates;

namespace Wellbeing.Web.Security;

/// <summary>
/// Which certificate encrypts the data-protection keys at rest (they live in the database: Infrastructure's
/// DataProtectionKeyRing). Outside Development and the tests one is required, so a copy of the database alone cannot
/// forge a cookie.
/// </summary>
public static class DataProtectionKeys
{
    /// <summary>The certificate section: <c>:Path</c> and <c>:Password</c>, or <c>:Thumbprint</c> (<see cref="ConfiguredCertificate"/>).</summary>
    public const string CertificateSetting = "DataProtection:Certificate";

    /// <summary>
    /// The certificate being replaced, same shape: it only decrypts the keys it encrypted, which stay in use until they
    /// expire, so replacing the certificate signs nobody out. Optional.
    /// </summary>
    public const string PreviousCertificateSetting = "DataProtection:PreviousCertificate";

    /// <returns>The certificate being replaced, or null when none is configured.</returns>
    /// <exception cref="InvalidOperationException">The configured one cannot be used (<see cref="ConfiguredCertificate.Load"/>).</exception>
    public static X509Certificate2? PreviousCertificate(IConfiguration configuration) =>
        ConfiguredCertificate.Load(configuration, PreviousCertificateSetting);

    /// <returns>The configured certificate; null in Development and the tests when none is configured.</returns>
    /// <exception cref="InvalidOperationException">
    /// Outside Development and Testing no certificate is configured (the message names the settings), or the configured
    /// one cannot be used (<see cref="ConfiguredCertificate.Load"/>).
    /// </exception>
    public static X509Certificate2? Certificate(IConfiguration configuration, IHostEnvironment environment) =>
        ConfiguredCertificate.Load(configuration, CertificateSetting)
        ?? (environment.IsDevelopment() || environment.IsTesting()
            ? null
            : throw new InvalidOperationException(
                $"Outside Development the data-protection keys are encrypted with a certificate: set {CertificateSetting}:Path " +
                $"(a PKCS #12 file with an RSA private key) and {CertificateSetting}:Password, or {CertificateSetting}:Thumbprint " +
                "(a certificate in the current user's personal store). Every node needs the same certificate."));
}
