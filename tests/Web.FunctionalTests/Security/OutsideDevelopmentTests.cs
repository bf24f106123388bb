using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;
using Wellbeing.Web.Security;

namespace Wellbeing.Web.FunctionalTests.Security;

/// <summary>The app as an operator deploys it ("Staging": HTTPS, configured hosts and keys), not as the tests run it.</summary>
public sealed class OutsideDevelopmentTests : IDisposable
{
    private readonly DeploymentCertificates _certificates = new();

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

    public void Dispose() => _certificates.Dispose();

    private WellbeingAppFactory Deployed(string allowedHosts)
    {
        var factory = new WellbeingAppFactory { Environment = "Staging", Settings = { ["AllowedHosts"] = allowedHosts } };
        foreach (var (key, value) in _certificates.Settings())
        {
            factory.Settings[key] = value;
        }

        return factory;
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [];
}
