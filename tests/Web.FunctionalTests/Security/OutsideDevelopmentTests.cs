using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Mvc.Testing;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;
using Wellbeing.Web.PartnerApi;
using Wellbeing.Web.Security;

namespace Wellbeing.Web.FunctionalTests.Security;

/// <summary>The app as an operator deploys it ("Staging": HTTPS, configured hosts and keys), not as the tests run it.</summary>
public sealed class OutsideDevelopmentTests : IDisposable
{
    private readonly string _keys = Directory.CreateTempSubdirectory("wellbeing-keys-").FullName;

    [Fact]
    public async Task Cookies_AreSecureOnly_AndAForgedHostIsRefused()
    {
        using var factory = Deployed("wellbeing.example.com");
        var client = new BrowserlessClient(factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://wellbeing.example.com"),
            AllowAutoRedirect = false,
        }));

        var form = await client.Http.GetAsync("/account/login");
        var signIn = await client.SignInAsync("client1@demo.wellbeing.test", DemoHub.Password);
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/dashboard");
        forged.Headers.Host = "evil.example";
        var refused = await client.Http.SendAsync(forged);

        Assert.Contains(SetCookies(form), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal) && c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains(SetCookies(signIn), c => c.StartsWith(BrowserlessClient.AuthCookieName + "=", StringComparison.Ordinal) && c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Null(refused.Headers.Location);
        Assert.Contains("frame-ancestors 'none'", string.Join(' ', refused.Headers.GetValues("Content-Security-Policy")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("*")]
    [InlineData("wellbeing.example.com;*")]
    public void WithoutConfiguredHosts_TheAppRefusesToStart_NamingTheSetting(string allowedHosts)
    {
        using var factory = Deployed(allowedHosts);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(BrowserSecurity.AllowedHostsSetting, error.ToString());
    }

    public void Dispose() => Directory.Delete(_keys, recursive: true);

    private WellbeingAppFactory Deployed(string allowedHosts) => new()
    {
        Environment = "Staging",
        Settings =
        {
            ["AllowedHosts"] = allowedHosts,
            [$"{PartnerApiServices.SigningCertificateSetting}:Path"] = Pkcs12("signing", X509KeyUsageFlags.DigitalSignature),
            [$"{PartnerApiServices.SigningCertificateSetting}:Password"] = "pw",
            [$"{PartnerApiServices.EncryptionCertificateSetting}:Path"] = Pkcs12("encryption", X509KeyUsageFlags.KeyEncipherment),
            [$"{PartnerApiServices.EncryptionCertificateSetting}:Password"] = "pw",
        },
    };

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [];

    private string Pkcs12(string name, X509KeyUsageFlags usage)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_keys, $"{name}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, "pw"));
        return path;
    }
}
