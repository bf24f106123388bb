using System.Net;
using System.Text.RegularExpressions;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Account;

public sealed partial class ChangePasswordTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string NewPassword = "Fresh!Start2026";

    [Fact]
    public async Task ChangingThePassword_SignsOutEveryOtherCookie_AndKeepsThisBrowserSignedIn()
    {
        const string email = "client10@demo.wellbeing.test";
        var laptop = BrowserlessClient.For(app.Factory);
        var laptopCookieBefore = BrowserlessClient.AuthCookieOf(await laptop.SignInAsync(email, DemoHub.Password));
        var phoneCookie = BrowserlessClient.AuthCookieOf(await BrowserlessClient.For(app.Factory).SignInAsync(email, DemoHub.Password));

        var change = await ChangeAsync(laptop, DemoHub.Password, NewPassword, NewPassword);

        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        Assert.Equal("/account/password/changed", change.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await laptop.Http.GetAsync("/dashboard")).StatusCode);
        await AssertSentToSignInAsync(phoneCookie);
        await AssertSentToSignInAsync(laptopCookieBefore);
        Assert.Equal(HttpStatusCode.OK, (await BrowserlessClient.For(app.Factory).SignInAsync(email, DemoHub.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await BrowserlessClient.For(app.Factory).SignInAsync(email, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task SigningOutOnADeviceAlreadySignedOutByAPasswordChange_GoesToSignIn()
    {
        const string email = "client14@demo.wellbeing.test";
        var laptop = await BrowserlessClient.SignedInAsync(app.Factory, email);
        var phone = await BrowserlessClient.SignedInAsync(app.Factory, email);
        var phoneToken = Antiforgery.TokenOf(await phone.Http.GetStringAsync("/account/password"));
        Assert.Equal(HttpStatusCode.Redirect, (await ChangeAsync(laptop, DemoHub.Password, NewPassword, NewPassword)).StatusCode);

        var signOut = await phone.Http.PostAsync("/account/logout",
            new FormUrlEncodedContent(new Dictionary<string, string> { [Antiforgery.FieldName] = phoneToken }));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/account/login", signOut.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("client11@demo.wellbeing.test", "not-my-password", NewPassword, NewPassword, "current-password-error", "Incorrect password.")]
    [InlineData("client12@demo.wellbeing.test", DemoHub.Password, "short", "short", "new-password-error", "Passwords must be at least 8 characters.")]
    [InlineData("client12@demo.wellbeing.test", DemoHub.Password, "alllowercase", "alllowercase", "new-password-error", "Passwords must have at least one uppercase ('A'-'Z').")]
    [InlineData("client13@demo.wellbeing.test", DemoHub.Password, NewPassword, "Other!Start2026", "confirm-password-error", "The two new passwords are not the same.")]
    [InlineData("client13@demo.wellbeing.test", "", "", "", "current-password-error", "Enter your current password.")]
    public async Task RefusedChange_ShowsTheMessageNextToItsField_AndChangesNothing(
        string email, string current, string next, string again, string errorId, string message)
    {
        var client = await BrowserlessClient.SignedInAsync(app.Factory, email);

        var response = await ChangeAsync(client, current, next, again);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, FieldError(body, errorId));
        Assert.DoesNotContain("value=\"" + next + "\"", body);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await BrowserlessClient.For(app.Factory).SignInAsync(email, DemoHub.Password)).StatusCode);
    }

    [Fact]
    public async Task ChangePasswordPage_AsksAnonymousVisitorsToSignIn()
    {
        var response = await BrowserlessClient.For(app.Factory).Http.GetAsync("/account/password");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location?.PathAndQuery);
    }

    private static Task<HttpResponseMessage> ChangeAsync(BrowserlessClient client, string current, string next, string again) =>
        client.PostFormAsync("/account/password", "/account/password", new()
        {
            ["CurrentPassword"] = current,
            ["NewPassword"] = next,
            ["ConfirmPassword"] = again,
        });

    private async Task AssertSentToSignInAsync(string cookie)
    {
        var response = await BrowserlessClient.WithCookie(app.Factory, cookie).Http.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location?.PathAndQuery);
    }

    private static string FieldError(string body, string id) =>
        FieldErrorSpan().Matches(body).FirstOrDefault(m => m.Groups["id"].Value == id)?.Groups["text"].Value ?? string.Empty;

    [GeneratedRegex("<span[^>]*id=\"(?<id>[a-z-]+-error)\"[^>]*>(?<text>[^<]*)</span>")]
    private static partial Regex FieldErrorSpan();
}
