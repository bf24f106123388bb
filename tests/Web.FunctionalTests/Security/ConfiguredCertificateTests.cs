using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Wellbeing.Web.Security;

namespace Wellbeing.Web.FunctionalTests.Security;

/// <summary>A certificate named by settings: a PKCS #12 file, or a thumbprint in the current user's personal store.</summary>
public sealed class ConfiguredCertificateTests
{
    private const string Section = "Test:Certificate";

    [Fact]
    public void Thumbprint_OfACertificateInTheCurrentUsersStore_LoadsIt_WithItsPrivateKey()
    {
        using var certificate = SelfSigned();
        using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadWrite);
        store.Add(certificate);
        try
        {
            using var loaded = ConfiguredCertificate.Load(Settings(("Thumbprint", certificate.Thumbprint.ToLowerInvariant())), Section);

            Assert.Equal(certificate.Thumbprint, loaded?.Thumbprint);
            Assert.True(loaded?.HasPrivateKey);
        }
        finally
        {
            store.Remove(certificate);
        }
    }

    [Fact]
    public void Thumbprint_NotInTheStore_IsRefused_NamingTheSettingAndTheStore()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ConfiguredCertificate.Load(Settings(("Thumbprint", new string('A', 40))), Section));

        Assert.Contains($"{Section}:Thumbprint", error.Message);
        Assert.Contains("CurrentUser\\My", error.Message);
    }

    [Fact]
    public void PathAndThumbprintTogether_AreRefused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ConfiguredCertificate.Load(Settings(("Path", "/keys/a.pfx"), ("Thumbprint", "AB")), Section));

        Assert.Contains($"either {Section}:Path or {Section}:Thumbprint", error.Message);
    }

    [Fact]
    public void AFileWithoutAPrivateKey_IsRefused()
    {
        using var certificate = SelfSigned();
        var path = Path.Combine(Path.GetTempPath(), $"public-only-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert)).Export(X509ContentType.Pkcs12));
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => ConfiguredCertificate.Load(Settings(("Path", path)), Section));

            Assert.Contains("has no private key", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void NothingConfigured_IsNoCertificate() =>
        Assert.Null(ConfiguredCertificate.Load(Settings(), Section));

    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create($"{Section}:{s.Key}", (string?)s.Value))).Build();

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=configured-certificate-test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        // Exported and loaded again, so the private key is persisted with the certificate when a store keeps it.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), password: null, X509KeyStorageFlags.Exportable);
    }
}
