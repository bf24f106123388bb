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

    [Fact]
    public async Task FiveFailures_LockTheAccount_EvenForTheRightPassword()
    {
        var client = BrowserlessClient.For(app.Factory);
        const string victim = "client3@demo.wellbeing.test";
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.SignInAsync(victim, "wrong-" + attempt);
        }

        var response = await client.SignInAsync(victim, DemoHub.Password);

        Assert.Contains("locked", await response.Content.ReadAsStringAsync());
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
    public async Task LoginForm_WithoutAntiforgeryToken_IsRefused()
    {
        var response = await BrowserlessClient.For(app.Factory).Http.PostAsync("/account/login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "client1@demo.wellbeing.test", ["Password"] = DemoHub.Password }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
