using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Wellbeing.Web.PartnerApi;
using Wellbeing.Web.Security;

namespace Wellbeing.Web.FunctionalTests.Support;

/// <summary>
/// The certificates an operator configures outside Development (the partner API's token signing and encryption, the
/// data-protection keys' encryption): self-signed, written as password-protected PKCS #12 files to a folder of their
/// own that goes away with this object.
/// </summary>
public sealed class DeploymentCertificates : IDisposable
{
    private const string Password = "pw";

    private readonly string _folder = Directory.CreateTempSubdirectory("wellbeing-keys-").FullName;

    /// <summary>
    /// The settings that name the files and their password, fresh certificates (subjects CN=signing, CN=encryption and
    /// CN=data-protection) each call.
    /// </summary>
    public Dictionary<string, string?> Settings() => new()
    {
        [$"{DataProtectionKeys.CertificateSetting}:Path"] = Write("data-protection", X509KeyUsageFlags.KeyEncipherment),
        [$"{DataProtectionKeys.CertificateSetting}:Password"] = Password,
        [$"{PartnerApiServices.SigningCertificateSetting}:Path"] = Write("signing", X509KeyUsageFlags.DigitalSignature),
        [$"{PartnerApiServices.SigningCertificateSetting}:Password"] = Password,
        [$"{PartnerApiServices.EncryptionCertificateSetting}:Path"] = Write("encryption", X509KeyUsageFlags.KeyEncipherment),
        [$"{PartnerApiServices.EncryptionCertificateSetting}:Password"] = Password,
    };

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, X509KeyUsageFlags usage)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_folder, $"{name}-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, Password));
        return path;
    }
}
