using System.Net;
using Wellbeing.Infrastructure.Persistence.Providers;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;
using Wellbeing.Web.Security;

namespace Wellbeing.Web.FunctionalTests.Deployment;

/// <summary>
/// A deployed node behind a TLS-terminating proxy, over real Kestrel on loopback: the token endpoint, which requires
/// HTTPS outside Development, takes a request the configured proxy forwards as https, and refuses plain http and
/// X-Forwarded-Proto from anyone else.
/// </summary>
public sealed class TrustedProxyTests : IDisposable
{
    private readonly DeploymentCertificates _certificates = new();

    [Fact]
    public async Task TokenRequest_ForwardedAsHttps_ByTheConfiguredProxy_GetsAToken()
    {
        using var node = Node(knownProxies: "127.0.0.1");

        var response = await RequestTokenAsync(node, forwardedProto: "https");

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TokenRequest_InPlainHttp_FromTheConfiguredProxy_IsRefused()
    {
        using var node = Node(knownProxies: "127.0.0.1");

        var response = await RequestTokenAsync(node, forwardedProto: null);

        await AssertHttpsRequiredAsync(response);
    }

    [Theory]
    [InlineData("")]
    [InlineData("10.9.8.7")]
    public async Task TokenRequest_ForwardedAsHttps_ByAnAddressNotConfigured_IsRefused(string knownProxies)
    {
        using var node = Node(knownProxies);

        var response = await RequestTokenAsync(node, forwardedProto: "https");

        await AssertHttpsRequiredAsync(response);
    }

    [Fact]
    public async Task TokenRequest_ForwardedAsHttps_FromAConfiguredNetwork_GetsAToken()
    {
        using var node = Node(knownProxies: "", knownNetworks: "127.0.0.0/8");

        var response = await RequestTokenAsync(node, forwardedProto: "https");

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(TrustedProxies.KnownProxiesSetting, "proxy.internal")]
    [InlineData(TrustedProxies.KnownNetworksSetting, "10.0.0.0")]
    public void AnEntryThatIsNoAddressOrNetwork_RefusesTheStart_NamingTheSetting(string setting, string entry)
    {
        using var node = new DeployedNodes(_certificates).Node(DatabaseProvider.Sqlite, connectionString: null, seedsDemo: false);
        node.Settings[setting] = entry;

        var error = Assert.ThrowsAny<Exception>(() => node.CreateClient());

        Assert.Contains($"{setting}: \"{entry}\"", error.ToString());
    }

    public void Dispose() => _certificates.Dispose();

    private WellbeingAppFactory Node(string knownProxies, string knownNetworks = "")
    {
        var node = new DeployedNodes(_certificates).Node(DatabaseProvider.Sqlite, connectionString: null, seedsDemo: true);
        node.Settings[TrustedProxies.KnownProxiesSetting] = knownProxies;
        node.Settings[TrustedProxies.KnownNetworksSetting] = knownNetworks;
        node.StartKestrel();
        return node;
    }

    /// <summary>The demo partner's client-credentials request as the proxy passes it on: over http, from loopback.</summary>
    private static async Task<HttpResponseMessage> RequestTokenAsync(WellbeingAppFactory node, string? forwardedProto)
    {
        using var http = new HttpClient { BaseAddress = node.ServerAddress };
        if (forwardedProto is not null)
        {
            http.DefaultRequestHeaders.Add("X-Forwarded-Proto", forwardedProto);
            http.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");
        }

        return await PartnerSystem.RequestTokenAsync(http, DemoHub.PartnerClientId, DemoHub.PartnerClientSecret);
    }

    private static async Task AssertHttpsRequiredAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        Assert.Contains("HTTPS", body);
        Assert.DoesNotContain("access_token", body);
    }
}
