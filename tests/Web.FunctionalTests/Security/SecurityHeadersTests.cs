using System.Net;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Security;

public sealed class SecurityHeadersTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("/account/login", HttpStatusCode.OK)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    [InlineData("/css/site.css", HttpStatusCode.OK)]
    [InlineData("/favicon.svg", HttpStatusCode.OK)]
    [InlineData("/api/v1/hubs/00000000-0000-0000-0000-000000000001/aggregates", HttpStatusCode.Unauthorized)]
    [InlineData("/healthz", HttpStatusCode.OK)]
    public async Task EveryResponse_ForbidsFramingSniffingAndForeignOrInlineCode(string path, HttpStatusCode status)
    {
        var response = await BrowserlessClient.For(app.Factory).Http.GetAsync(path);
        var csp = Header(response, "Content-Security-Policy");

        Assert.Equal(status, response.StatusCode);
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("style-src 'self'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-", csp);
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task Layout_LinksTheFavicon_AndTurnsOffHtmxInlineStyles()
    {
        var page = await BrowserlessClient.For(app.Factory).Http.GetStringAsync("/account/login");

        Assert.Contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\" />", page);
        Assert.Contains("\"includeIndicatorStyles\": false", page);
    }

    [Fact]
    public async Task ForgedHost_IsRefused_AndBuildsNoSignInRedirect()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard");
        request.Headers.Host = "evil.example";

        var response = await BrowserlessClient.For(app.Factory).Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task RealServer_SendsNoServerHeader()
    {
        using var factory = new WellbeingAppFactory { DemoDataEnabled = false };
        using var http = new HttpClient { BaseAddress = factory.StartKestrel() };

        var response = await http.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Headers.Server);
        Assert.False(response.Headers.Contains("Server"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : string.Empty;
}
