using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using Wellbeing.Web.PartnerApi;

namespace Wellbeing.Web.FunctionalTests.Api;

/// <summary>Outside Development and the tests, tokens are signed and encrypted with certificates the operator configures.</summary>
public sealed class PartnerApiKeysTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("wellbeing-keys-").FullName;

    [Fact]
    public void Production_WithoutCertificates_RefusesToStart_NamingTheSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddPartnerApi(Configuration([]), Environment(Environments.Production)));

        Assert.Contains(PartnerApiServices.SigningCertificateSetting + ":Path", error.Message);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void OutsideDevelopment_TheConfiguredCertificatesAreUsed_AndHttpsIsRequired(string environment)
    {
        var signing = Pkcs12("signing", X509KeyUsageFlags.DigitalSignature);
        var encryption = Pkcs12("encryption", X509KeyUsageFlags.KeyEncipherment);
        var configuration = Configuration(new()
        {
            [$"{PartnerApiServices.SigningCertificateSetting}:Path"] = signing,
            [$"{PartnerApiServices.SigningCertificateSetting}:Password"] = "pw",
            [$"{PartnerApiServices.EncryptionCertificateSetting}:Path"] = encryption,
            [$"{PartnerApiServices.EncryptionCertificateSetting}:Password"] = "pw",
        });

        using var services = new ServiceCollection().AddLogging().AddPartnerApi(configuration, Environment(environment)).BuildServiceProvider();
        var server = services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue;
        var aspNetCore = services.GetRequiredService<IOptionsMonitor<OpenIddict.Server.AspNetCore.OpenIddictServerAspNetCoreOptions>>().CurrentValue;

        Assert.Contains(server.SigningCredentials, c => c.Key is Microsoft.IdentityModel.Tokens.X509SecurityKey { Certificate.Subject: "CN=signing" });
        Assert.Contains(server.EncryptionCredentials, c => c.Key is Microsoft.IdentityModel.Tokens.X509SecurityKey { Certificate.Subject: "CN=encryption" });
        Assert.False(aspNetCore.DisableTransportSecurityRequirement);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Pkcs12(string name, X509KeyUsageFlags usage)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_directory, $"{name}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, "pw"));
        return path;
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private static IHostEnvironment Environment(string name) => new TestEnvironment { EnvironmentName = name };

    private sealed class TestEnvironment : IHostEnvironment
    {
        public required string EnvironmentName { get; set; }

        public string ApplicationName { get; set; } = "Wellbeing.Web";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
