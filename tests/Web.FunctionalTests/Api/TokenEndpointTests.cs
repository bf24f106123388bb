using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Wellbeing.Application.PartnerClients;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;
using Wellbeing.Web.PartnerApi;
using static Wellbeing.Testing.PartnerSystem;

namespace Wellbeing.Web.FunctionalTests.Api;

/// <summary>
/// The token endpoint and discovery as an OAuth client meets them: RFC 8414 metadata of what a partner can use, the
/// client-credentials grant with either way of sending the secret (RFC 6749 §2.3.1), scopes that exist and nothing
/// else, and refusals that do not tell which client ids exist (RFC 6749 §5.2).
/// </summary>
public sealed class TokenEndpointTests(AppFixture app) : IClassFixture<AppFixture>
{
    private HttpClient Http { get; } = app.Factory.CreateClient();

    [Fact]
    public async Task Discovery_AdvertisesOnlyWhatAPartnerCanUse_WithTheResponseTypesRfc8414Requires()
    {
        var response = await Http.GetAsync("/.well-known/oauth-authorization-server");

        var metadata = await JsonAsync(response);
        Assert.Equal(
            ["grant_types_supported", "issuer", "jwks_uri", "response_types_supported", "scopes_supported", "token_endpoint", "token_endpoint_auth_methods_supported"],
            metadata.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["client_credentials"], Strings(metadata.GetProperty("grant_types_supported")));
        Assert.Equal(PartnerScopes.Names, Strings(metadata.GetProperty("scopes_supported")));
        Assert.Empty(Strings(metadata.GetProperty("response_types_supported")));
        Assert.Equal(["client_secret_basic", "client_secret_post"], Strings(metadata.GetProperty("token_endpoint_auth_methods_supported")));
        Assert.EndsWith(PartnerApiServices.TokenPath, metadata.GetProperty("token_endpoint").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync(new Uri(metadata.GetProperty("jwks_uri").GetString()!).PathAndQuery)).StatusCode);
    }

    /// <summary>The server issues no ID tokens, so it publishes no OpenID Connect discovery document either.</summary>
    [Fact]
    public async Task OpenIdConnectDiscovery_IsNotFound()
    {
        var response = await Http.GetAsync("/.well-known/openid-configuration");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("openid")]
    [InlineData("openid aggregates:read")]
    public async Task AScopeThatIsNoPartnerScope_IsInvalidScope_WithNoToken(string scope)
    {
        var response = await RequestTokenAsync(Http, DemoHub.PartnerClientId, DemoHub.PartnerClientSecret, scope);

        var body = await ErrorAsync(response, HttpStatusCode.BadRequest, "invalid_scope");
        Assert.False(body.TryGetProperty("access_token", out _));
        Assert.False(body.TryGetProperty("id_token", out _));
    }

    [Fact]
    public async Task ClientSecretBasic_GetsAToken_LikeTheFormBody()
    {
        var credentials = $"{Uri.EscapeDataString(DemoHub.PartnerClientId)}:{Uri.EscapeDataString(DemoHub.PartnerClientSecret)}";
        using var request = new HttpRequestMessage(HttpMethod.Post, PartnerApiServices.TokenPath)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = PartnerScopes.AggregatesRead }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));

        var token = (await JsonAsync(await Http.SendAsync(request))).GetProperty("access_token").GetString();

        var northwind = await app.Factory.HubIdAsync(DemoHub.Slug);
        await JsonAsync(await GetAsync(Http, AggregatesPath(northwind), token));
    }

    /// <summary>
    /// Signed, not encrypted (RFC 9068): verifying an RS256 signature with a 2048-bit key is cheap on every request,
    /// where unwrapping an RSA-encrypted key was not; the claims say which client, hub and scopes, nothing about a person.
    /// </summary>
    [Fact]
    public async Task AccessToken_IsAJwtSignedWithRs256AndA2048BitKey_HoldingNoPersonalData()
    {
        var token = await TokenAsync(Http, DemoHub.PartnerClientId, DemoHub.PartnerClientSecret);

        var parts = token.Split('.');
        Assert.Equal(3, parts.Length);
        var header = Decode(parts[0]);
        Assert.Equal("RS256", header.GetProperty("alg").GetString());
        Assert.Equal("at+jwt", header.GetProperty("typ").GetString());
        var keys = await JsonAsync(await Http.GetAsync("/.well-known/jwks"));
        var key = Assert.Single(keys.GetProperty("keys").EnumerateArray(), k => k.GetProperty("kid").GetString() == header.GetProperty("kid").GetString());
        Assert.Equal(PartnerApiServices.SigningKeySize, Base64UrlDecode(key.GetProperty("n").GetString()!).Length * 8);
        var claims = Decode(parts[1]).EnumerateObject().Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Subset(
            new HashSet<string>(["iss", "exp", "iat", "jti", "sub", "client_id", "scope", PartnerCaller.HubClaim, "oi_prst", "oi_tkn_id"], StringComparer.Ordinal),
            claims);
    }

    [Fact]
    public async Task UnknownClient_ReadsLikeAWrongSecret_StatusBodyAndChallenge()
    {
        var wrongSecret = await RequestTokenAsync(Http, DemoHub.PartnerClientId, "not-the-secret");
        var unknownClient = await RequestTokenAsync(Http, "partner-0000000000000000", "not-the-secret");

        var wrong = await ErrorAsync(wrongSecret, HttpStatusCode.Unauthorized, "invalid_client");
        var unknown = await ErrorAsync(unknownClient, HttpStatusCode.Unauthorized, "invalid_client");
        Assert.Equal(wrong.GetRawText(), unknown.GetRawText());
        Assert.Equal(wrongSecret.Headers.WwwAuthenticate.ToString(), unknownClient.Headers.WwwAuthenticate.ToString());
        Assert.Equal(ClientAuthenticationAnswers.InvalidClientDescription, unknown.GetProperty("error_description").GetString());
    }

    /// <summary>
    /// Interleaved in one process, so both kinds meet the same load; a known client's secret check (key derivation) is
    /// most of either request, so an unknown client answered without one would take a fraction of the time.
    /// </summary>
    [Fact]
    public async Task UnknownClient_TakesAboutAsLongAsAWrongSecret()
    {
        var wrong = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < 15; i++)
        {
            wrong.Add(await TimeAsync(() => RequestTokenAsync(Http, DemoHub.PartnerClientId, "not-the-secret")));
            unknown.Add(await TimeAsync(() => RequestTokenAsync(Http, $"partner-unknown-{i}", "not-the-secret")));
        }

        // A wide band, since other test classes load the machine meanwhile: a skipped secret check falls far below it.
        var ratio = Median(unknown) / Median(wrong);
        Assert.True(ratio is > 0.6 and < 1 / 0.6, $"unknown client {Median(unknown):F1} ms, wrong secret {Median(wrong):F1} ms");
    }

    private static async Task<double> TimeAsync(Func<Task<HttpResponseMessage>> request)
    {
        var watch = Stopwatch.StartNew();
        using var response = await request();
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static JsonElement Decode(string segment) => JsonDocument.Parse(Base64UrlDecode(segment)).RootElement.Clone();

    private static byte[] Base64UrlDecode(string value) => System.Buffers.Text.Base64Url.DecodeFromChars(value);

    private static IEnumerable<string?> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString());

    /// <summary>An RFC 6749 §5.2 error answer with the expected status and error code, its body parsed.</summary>
    private static async Task<JsonElement> ErrorAsync(HttpResponseMessage response, HttpStatusCode status, string error)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        var json = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal(error, json.GetProperty("error").GetString());
        return json;
    }
}
