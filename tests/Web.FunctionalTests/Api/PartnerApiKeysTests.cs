using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using Wellbeing.Web.FunctionalTests.Support;
using Wellbeing.Web.PartnerApi;

namespace Wellbeing.Web.FunctionalTests.Api;

/// <summary>Outside Development and the tests, tokens are signed and encrypted with certificates the operator configures.</summary>
public sealed class PartnerApiKeysTests : IDisposable
{
    private readonly DeploymentCertificates _certificates = new();

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
        var configuration = Configuration(_certificates.Settings());

        using var services = new ServiceCollection().AddLogging().AddPartnerApi(configuration, Environment(environment)).BuildServiceProvider();
        var server = services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue;
        var aspNetCore = services.GetRequiredService<IOptionsMonitor<OpenIddict.Server.AspNetCore.OpenIddictServerAspNetCoreOptions>>().CurrentValue;

        Assert.Contains(server.SigningCredentials, c => c.Key is Microsoft.IdentityModel.Tokens.X509SecurityKey { Certificate.Subject: "CN=signing" });
        Assert.Contains(server.EncryptionCredentials, c => c.Key is Microsoft.IdentityModel.Tokens.X509SecurityKey { Certificate.Subject: "CN=encryption" });
        Assert.False(aspNetCore.DisableTransportSecurityRequirement);
    }

    public void Dispose() => _certificates.Dispose();

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private static NamedEnvironment Environment(string name) => new(name);
}
