using System.Web;
using Microsoft.Playwright;
using Wellbeing.Testing;
using Wellbeing.Testing.Browser;

namespace Wellbeing.AcceptanceTests.Browser;

/// <summary>
/// Checks the sign-in helper against a stand-in for the login page built from the app's contract, so
/// it is known to work before the real page exists.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SignInPageTests(Chromium chromium)
{
    private const string LoginForm = """
        <!DOCTYPE html><html lang="en"><head><title>Sign in</title></head><body><main>
        <form method="post" action="/account/login">
          <label for="email">Email</label><input id="email" name="Email" type="email">
          <label for="password">Password</label><input id="password" name="Password" type="password">
          <button type="submit">Sign in</button>
        </form></main></body></html>
        """;

    [Fact]
    public async Task SignIn_PostsEmailAndPasswordThroughTheLoginForm()
    {
        await using var context = await chromium.NewContextAsync(new Uri("http://wellbeing.test"));
        string? posted = null;
        await context.RouteAsync("**/account/login", async route =>
        {
            if (route.Request.Method == "POST")
            {
                posted = route.Request.PostData;
                await route.FulfillAsync(new RouteFulfillOptions { ContentType = "text/html", Body = "<p>Welcome</p>" });
            }
            else
            {
                await route.FulfillAsync(new RouteFulfillOptions { ContentType = "text/html", Body = LoginForm });
            }
        });
        var page = await context.NewPageAsync();

        await page.SignInAsync(DemoAccounts.HrManager, DemoAccounts.Password);

        var form = HttpUtility.ParseQueryString(posted ?? "");
        Assert.Equal(DemoAccounts.HrManager, form["Email"]);
        Assert.Equal(DemoAccounts.Password, form["Password"]);
        Assert.Contains("Welcome", await page.InnerTextAsync("body"));
    }
}
