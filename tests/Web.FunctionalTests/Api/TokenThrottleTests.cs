using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Http;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using static Wellbeing.Testing.PartnerSystem;

namespace Wellbeing.Web.FunctionalTests.Api;

/// <summary>
/// /connect/token per client id from one address and per remote address (the test client's requests all come from one
/// address; a stranger's are sent with another), with
/// limits set low for the test: over either, 429 with Retry-After and problem details, before the secret is checked.
/// </summary>
public sealed class TokenThrottleTests
{
    [Fact]
    public async Task OneClient_OverItsLimit_Gets429WithRetryAfter_WhileAnotherClientStillGetsAToken()
    {
        using var factory = Throttled(perClient: 3, perAddress: 100);
        var http = factory.CreateClient();
        var other = await factory.RegisterPartnerAsync(await factory.HubIdAsync(DemoHub.Slug));

        for (var i = 0; i < 3; i++)
        {
            await TokenAsync(http, DemoHub.PartnerClientId, DemoHub.PartnerClientSecret);
        }

        await AssertThrottledAsync(await RequestTokenAsync(http, DemoHub.PartnerClientId, DemoHub.PartnerClientSecret));
        await AssertThrottledAsync(await RequestTokenWithBasicAsync(http, DemoHub.PartnerClientId, DemoHub.PartnerClientSecret));
        await TokenAsync(http, other);
    }

    [Fact]
    public async Task OneAddress_OverItsLimit_Gets429_WhateverClientItNames()
    {
        using var factory = Throttled(perClient: 100, perAddress: 4);
        var http = factory.CreateClient();

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await RequestTokenAsync(http, $"guess-{i}", "guess")).StatusCode);
        }

        await AssertThrottledAsync(await RequestTokenAsync(http, DemoHub.PartnerClientId, DemoHub.PartnerClientSecret));
    }

    [Fact]
    public async Task AStrangerElsewhere_SendingAPartnersClientIdWithWrongSecrets_LeavesThePartnersOwnWindow()
    {
        using var factory = Throttled(perClient: 3, perAddress: 100);
        var http = factory.CreateClient();

        var stranger = IPAddress.Parse("203.0.113.9");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(StatusCodes.Status401Unauthorized, await TokenStatusFromAsync(factory, stranger, $"grant_type=client_credentials&client_id={DemoHub.PartnerClientId}&client_secret=guess-{i}"));
        }

        Assert.Equal(StatusCodes.Status429TooManyRequests, await TokenStatusFromAsync(factory, stranger, $"grant_type=client_credentials&client_id={DemoHub.PartnerClientId}&client_secret=guess"));
        await TokenAsync(http, DemoHub.PartnerClientId, DemoHub.PartnerClientSecret);
    }

    /// <summary>RFC 6749 §3.1: a parameter must not be sent twice; over the form limits is malformed too. Neither is a 500.</summary>
    [Theory]
    [InlineData("grant_type=client_credentials&scope=aggregates:read&scope=openid", "scope")]
    [InlineData("grant_type=client_credentials&client_id=a&client_id=b", "client_id")]
    public async Task AParameterGivenTwice_IsAnInvalidRequest(string form, string parameter)
    {
        using var factory = new WellbeingAppFactory();
        var http = factory.CreateClient();

        var response = await http.PostAsync("/connect/token", new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<Dictionary<string, string>>();
        Assert.Equal("invalid_request", error!["error"]);
        Assert.Contains(parameter, error["error_description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFormOverTheLimits_IsAnInvalidRequest_NotAFault()
    {
        using var factory = new WellbeingAppFactory();
        var http = factory.CreateClient();
        var form = string.Join('&', Enumerable.Range(0, 1100).Select(i => $"f{i}=x"));

        var response = await http.PostAsync("/connect/token", new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", (await response.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["error"]);
    }

    private static async Task<int> TokenStatusFromAsync(WellbeingAppFactory factory, IPAddress address, string form)
    {
        var context = await factory.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = address;
            c.Request.Method = HttpMethods.Post;
            c.Request.Path = "/connect/token";
            c.Request.ContentType = "application/x-www-form-urlencoded";
            c.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(form));
        });
        return context.Response.StatusCode;
    }

    private static WellbeingAppFactory Throttled(int perClient, int perAddress) => new()
    {
        Settings =
        {
            ["PartnerApi:TokenThrottle:PerClientPerMinute"] = perClient.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PartnerApi:TokenThrottle:PerAddressPerMinute"] = perAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
    };

    private static async Task<HttpResponseMessage> RequestTokenWithBasicAsync(HttpClient http, string clientId, string secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        return await http.SendAsync(request);
    }

    private static async Task AssertThrottledAsync(HttpResponseMessage response)
    {
        var problem = await ProblemAsync(response, HttpStatusCode.TooManyRequests);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.True(retryAfter is { TotalSeconds: > 0 and <= 60 }, $"Retry-After: {response.Headers.RetryAfter}");
        Assert.False(problem.TryGetProperty("access_token", out _));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
    }
}
