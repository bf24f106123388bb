using System.Security.Cryptography.X509Certificates;

namespace Wellbeing.Web.Security;

/// <summary>
/// A certificate with its private key named by a settings section, either as a PKCS #12 file
/// (<c>{section}:Path</c> and <c>{section}:Password</c>) or by the SHA-1 thumbprint of a certificate in the current
/// user's personal store (<c>{section}:Thumbprint</c>, CurrentUser\My: on Linux the folder
/// ~/.dotnet/corefx/cryptography/x509stores/my).
/// </summary>
public static class ConfiguredCertificate
{
    /// <summary>Loads the certificate the section names.</summary>
    /// <returns>The certificate, or null when the section names none (neither a path nor a thumbprint).</returns>
    /// <exception cref="InvalidOperationException">
    /// Both a path and a thumbprint are set, the thumbprint is not in the store, or the certificate has no private key.
    /// </exception>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The file is not PKCS #12 or the password is wrong.</exception>
    public static X509Certificate2? Load(IConfiguration configuration, string section)
    {
        var path = configuration[$"{section}:Path"];
        var thumbprint = configuration[$"{section}:Thumbprint"];
        var certificate = (string.IsNullOrWhiteSpace(path), string.IsNullOrWhiteSpace(thumbprint)) switch
        {
            (true, true) => null,
            (false, true) => X509CertificateLoader.LoadPkcs12FromFile(path!, configuration[$"{section}:Password"]),
            (true, false) => FromStore(section, thumbprint!),
            (false, false) => throw new InvalidOperationException($"Set either {section}:Path or {section}:Thumbprint, not both."),
        };
        if (certificate is { HasPrivateKey: false })
        {
            throw new InvalidOperationException($"The certificate named by {section} has no private key.");
        }

        return certificate;
    }

    private static X509Certificate2 FromStore(string section, string thumbprint)
    {
        using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadOnly);

        // validOnly: false, because a self-signed certificate, the usual kind for protecting keys, has no trusted chain.
        var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint.Replace(" ", string.Empty, StringComparison.Ordinal), validOnly: false);
        return found.Count > 0
            ? found[0]
            : throw new InvalidOperationException($"{section}:Thumbprint names no certificate in the current user's personal store (CurrentUser\\My).");
    }
}
