using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;

namespace Wellbeing.Web.FunctionalTests.Support;

/// <summary>An HTTP client that behaves like a browser without JavaScript: cookies, forms with antiforgery tokens, no auto-redirects.</summary>
public sealed partial class BrowserlessClient(HttpClient http)
{
    public const string AuthCookieName = "wellbeing.auth";

    public HttpClient Http { get; } = http;

    public static BrowserlessClient For(WellbeingAppFactory factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Another browser that holds nothing but the given sign-in cookie, as an attacker who copied it would.</summary>
    public static BrowserlessClient WithCookie(WellbeingAppFactory factory, string authCookie)
    {
        var client = new BrowserlessClient(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }));
        client.Http.DefaultRequestHeaders.Add("Cookie", $"{AuthCookieName}={authCookie}");
        return client;
    }

    public static async Task<BrowserlessClient> SignedInAsync(WellbeingAppFactory factory, string email)
    {
        var client = For(factory);
        var response = await client.SignInAsync(email, DemoHub.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public async Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        await PostFormAsync("/account/login", "/account/login", new() { ["Email"] = email, ["Password"] = password });

    /// <summary>The sign-in cookie a response sets, as a browser (or someone copying it) would keep it.</summary>
    public static string AuthCookieOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
        && cookies.FirstOrDefault(c => c.StartsWith(AuthCookieName + "=", StringComparison.Ordinal)) is { } cookie
            ? cookie[(AuthCookieName.Length + 1)..cookie.IndexOf(';', StringComparison.Ordinal)]
            : throw new InvalidOperationException("The response sets no sign-in cookie.");

    /// <summary>The antiforgery token of the form on a page.</summary>
    public static string AntiforgeryTokenOf(string page) => AntiforgeryToken().Match(page).Groups[1].Value;

    /// <summary>Opens the page holding the form first, as a person would, to pick up its antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, Dictionary<string, string> fields)
    {
        var page = await Http.GetStringAsync(formPage);
        fields["__RequestVerificationToken"] = AntiforgeryTokenOf(page);
        return await Http.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>The page as a person reads it: entities such as &amp;quot; decoded.</summary>
    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string path, bool htmx = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (htmx)
        {
            request.Headers.Add("HX-Request", "true");
        }

        var response = await Http.SendAsync(request);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
