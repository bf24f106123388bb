using System.Net;
using System.Text.RegularExpressions;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;
using Wellbeing.Web.Security;

namespace Wellbeing.Web.FunctionalTests.Account;

/// <summary>Sign-in and change-password attempts are throttled per client address, with one answer for every e-mail.</summary>
public sealed class SignInThrottleTests : IDisposable
{
    private const int Burst = 3;

    private readonly WellbeingAppFactory _factory = new()
    {
        Settings = { ["SignIn:Throttle:Burst"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture), ["SignIn:Throttle:SecondsPerAttempt"] = "600" },
    };

    [Fact]
    public async Task AttemptsBeyondTheBurst_Get429WithRetryAfter_TheSameForRealAndUnknownEmails()
    {
        var client = BrowserlessClient.For(_factory);
        for (var attempt = 0; attempt < Burst; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync(attempt % 2 == 0 ? "client1@demo.wellbeing.test" : "nobody@demo.wellbeing.test", "wrong")).StatusCode);
        }

        var real = await client.SignInAsync("client1@demo.wellbeing.test", DemoHub.Password);
        var unknown = await client.SignInAsync("nobody@demo.wellbeing.test", DemoHub.Password);
        var page = await real.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, real.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, unknown.StatusCode);
        Assert.InRange(real.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 600);
        Assert.Contains("Too many attempts came from your network", page);
        Assert.Contains($"wait {real.Headers.RetryAfter!.Delta!.Value.TotalSeconds} seconds", page);
        Assert.DoesNotContain("client1", page);
        Assert.Equal(Comparable(page), Comparable(await unknown.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/account/login")).StatusCode);
    }

    /// <summary>A browser left signed in must not let anyone guess its current password at full speed.</summary>
    [Fact]
    public async Task ChangePasswordAttempts_ShareTheThrottle()
    {
        var client = await BrowserlessClient.SignedInAsync(_factory, DemoHub.Client(2));
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 1; attempt < Burst; attempt++)
        {
            statuses.Add((await client.PostFormAsync("/account/password", "/account/password", new()
            {
                ["CurrentPassword"] = $"wrong-{attempt}",
                ["NewPassword"] = "Another!2026x",
                ["ConfirmPassword"] = "Another!2026x",
            })).StatusCode);
        }

        var over = await client.PostFormAsync("/account/password", "/account/password", new()
        {
            ["CurrentPassword"] = DemoHub.Password,
            ["NewPassword"] = "Another!2026x",
            ["ConfirmPassword"] = "Another!2026x",
        });

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:bbbb:cccc:dddd:9", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:3::1", "2001:db8:1:3::/64")]
    public void Client_IsOneAddress_OrOneIPv6Network(string address, string client) =>
        Assert.Equal(client, SignInThrottle.ClientOf(IPAddress.Parse(address)));

    public void Dispose() => _factory.Dispose();

    /// <summary>The page without the layout's antiforgery token (new on every response) and the seconds left, which tick.</summary>
    private static string Comparable(string page) =>
        Regex.Replace(Antiforgery.Masked(page), "wait [0-9]+ seconds", "wait N seconds");
}
