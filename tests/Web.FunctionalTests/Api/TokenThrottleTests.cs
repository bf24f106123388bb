using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using static Wellbeing.Testing.PartnerSystem;

namespace Wellbeing.Web.FunctionalTests.Api;

/// <summary>
/// /connect/token per client id and per remote address (the test server's requests all come from one address), with
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
