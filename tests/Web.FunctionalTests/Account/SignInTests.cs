using System.Diagnostics;
using System.Net;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Account;

public sealed class SignInTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("client1@demo.wellbeing.test", "/dashboard")]
    [InlineData(DemoHub.FirstProfessional, "/clients")]
    [InlineData(DemoHub.HrManager, "/hr")]
    [InlineData(DemoHub.Administrator, "/admin")]
    public async Task EachRole_LandsOnItsOwnStartPage(string email, string expected)
    {
        var client = await BrowserlessClient.SignedInAsync(app.Factory, email);

        var home = await client.Http.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal(expected, home.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task WrongPassword_IsRefusedWithOneMessage_AndKeepsTheEmail()
    {
        var client = BrowserlessClient.For(app.Factory);

        var response = await client.SignInAsync("client2@demo.wellbeing.test", "not-the-password");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The e-mail address or password is not right.", body);
        Assert.Contains("value=\"client2@demo.wellbeing.test\"", body);
        Assert.DoesNotContain("not-the-password", body);
    }

    [Fact]
    public async Task UnknownAccount_GetsTheSameMessageAsAWrongPassword()
    {
        var response = await BrowserlessClient.For(app.Factory).SignInAsync("nobody@demo.wellbeing.test", "Demo!2026");

        Assert.Contains("The e-mail address or password is not right.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EmptyForm_ShowsAMessageNextToEachField()
    {
        var response = await BrowserlessClient.For(app.Factory).SignInAsync("", "");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter your e-mail address.", body);
        Assert.Contains("Enter your password.", body);
    }

    /// <summary>Attempt after attempt, past where a lockout used to start, the two answers stay the same.</summary>
    [Fact]
    public async Task UnknownAndRealEmail_GetIdenticalResponses_AttemptAfterAttempt()
    {
        var client = BrowserlessClient.For(app.Factory);
        for (var attempt = 0; attempt < 7; attempt++)
        {
            var real = await client.SignInAsync("client5@demo.wellbeing.test", "not-the-password");
            var unknown = await client.SignInAsync("nobody5@demo.wellbeing.test", "not-the-password");

            Assert.Equal(real.StatusCode, unknown.StatusCode);
            Assert.Equal(HeaderNames(real), HeaderNames(unknown));
            Assert.Equal(
                Antiforgery.Masked(await real.Content.ReadAsStringAsync()).Replace("client5@", "EMAIL@"),
                Antiforgery.Masked(await unknown.Content.ReadAsStringAsync()).Replace("nobody5@", "EMAIL@"));
        }
    }

    /// <summary>
    /// Compares the two kinds of failure with each other in one run, never with a fixed time: the medians of
    /// interleaved attempts must be within a factor of two (an unknown e-mail was 20 times faster when it skipped the
    /// password hash).
    /// </summary>
    [Fact]
    public async Task UnknownEmail_TakesAsLongAsAWrongPasswordForARealAccount()
    {
        var client = BrowserlessClient.For(app.Factory);
        var token = Antiforgery.TokenOf(await client.Http.GetStringAsync("/account/login"));
        await AttemptAsync(client, token, "client8@demo.wellbeing.test");
        await AttemptAsync(client, token, "nobody8@demo.wellbeing.test");

        var real = new List<TimeSpan>();
        var unknown = new List<TimeSpan>();
        for (var round = 0; round < 9; round++)
        {
            real.Add(await AttemptAsync(client, token, "client8@demo.wellbeing.test"));
            unknown.Add(await AttemptAsync(client, token, "nobody8@demo.wellbeing.test"));
        }

        var ratio = Median(unknown) / Median(real);
        Assert.InRange(ratio, 0.5, 2.0);
    }

    [Fact]
    public async Task ManyFailures_NeitherLockTheAccountNorSaySo()
    {
        var client = BrowserlessClient.For(app.Factory);
        const string owner = "client3@demo.wellbeing.test";
        var bodies = new List<string>();
        for (var attempt = 0; attempt < 8; attempt++)
        {
            bodies.Add(await (await client.SignInAsync(owner, "wrong-" + attempt)).Content.ReadAsStringAsync());
        }

        var response = await client.SignInAsync(owner, DemoHub.Password);

        Assert.All(bodies, body => Assert.DoesNotContain("lock", body, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task SigningOut_EndsTheSession()
    {
        var client = await BrowserlessClient.SignedInAsync(app.Factory, "client4@demo.wellbeing.test");

        var signOut = await client.PostFormAsync("/dashboard", "/account/logout", []);
        var after = await client.Http.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location?.PathAndQuery ?? after.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task CookieCapturedBeforeSigningOut_NoLongerOpensTheDashboard()
    {
        var client = BrowserlessClient.For(app.Factory);
        var captured = BrowserlessClient.AuthCookieOf(await client.SignInAsync("client6@demo.wellbeing.test", DemoHub.Password));
        Assert.Equal(HttpStatusCode.OK, (await BrowserlessClient.WithCookie(app.Factory, captured).Http.GetAsync("/dashboard")).StatusCode);

        await client.PostFormAsync("/dashboard", "/account/logout", []);
        var replayed = await BrowserlessClient.WithCookie(app.Factory, captured).Http.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/account/login", replayed.Headers.Location?.PathAndQuery ?? replayed.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/sharing", "/sharing")]
    [InlineData("https://elsewhere.example/", "/")]
    [InlineData(null, "/")]
    public async Task SecondTabSigningInAfterTheFirst_LandsWhereItWasGoing(string? returnUrl, string expected)
    {
        var browser = BrowserlessClient.For(app.Factory);
        var query = returnUrl is null ? string.Empty : "?returnUrl=" + Uri.EscapeDataString(returnUrl);
        var secondTab = Antiforgery.TokenOf(await browser.Http.GetStringAsync("/account/login" + query));
        var first = await browser.SignInAsync("client7@demo.wellbeing.test", DemoHub.Password);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var fields = new Dictionary<string, string>
        {
            ["Email"] = "client7@demo.wellbeing.test",
            ["Password"] = DemoHub.Password,
            [Antiforgery.FieldName] = secondTab,
        };
        if (returnUrl is not null)
        {
            fields["ReturnUrl"] = returnUrl;
        }

        var second = await browser.Http.PostAsync("/account/login", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(expected, second.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task LoginForm_WithoutAntiforgeryToken_IsRefused()
    {
        var response = await BrowserlessClient.For(app.Factory).Http.PostAsync("/account/login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "client1@demo.wellbeing.test", ["Password"] = DemoHub.Password }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<TimeSpan> AttemptAsync(BrowserlessClient client, string token, string email)
    {
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = "not-the-password",
            [Antiforgery.FieldName] = token,
        });
        var started = Stopwatch.GetTimestamp();
        var response = await client.Http.PostAsync("/account/login", form);
        var elapsed = Stopwatch.GetElapsedTime(started);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return elapsed;
    }

    private static double Median(List<TimeSpan> times) => times.Order().ElementAt(times.Count / 2).TotalMilliseconds;

    private static string[] HeaderNames(HttpResponseMessage response) =>
        [.. response.Headers.Concat(response.Content.Headers).Select(h => h.Key).Order(StringComparer.OrdinalIgnoreCase)];
}
