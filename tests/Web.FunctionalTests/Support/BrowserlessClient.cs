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

    /// <summary>Opens the page holding the form first, as a person would, to pick up its antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, Dictionary<string, string> fields)
    {
        var page = await Http.GetStringAsync(formPage);
        fields[Antiforgery.FieldName] = Antiforgery.TokenOf(page);
        return await Http.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>
    /// Sends the form on <paramref name="formPage"/> that posts to <paramref name="action"/> as a browser does: its
    /// hidden fields (antiforgery token, submission id) and <paramref name="fields"/>, in order, repeats included.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(string formPage, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var list = fields.ToList();
        var hidden = await HiddenFieldsAsync(formPage, action);
        list.AddRange(hidden.Where(h => list.All(f => f.Key != h.Key)));
        return await Http.PostAsync(action, new FormUrlEncodedContent(list));
    }

    /// <summary>
    /// The hidden inputs of the form on <paramref name="formPage"/> that posts to <paramref name="action"/>, in order;
    /// a name may repeat (MVC writes one <c>__Invariant</c> per date or time input).
    /// </summary>
    public async Task<List<KeyValuePair<string, string>>> HiddenFieldsAsync(string formPage, string action)
    {
        var page = await Http.GetStringAsync(formPage);
        var start = page.IndexOf($"action=\"{action}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"{formPage} has no form posting to {action}.");
        var form = page[start..page.IndexOf("</form>", start, StringComparison.Ordinal)];
        return HiddenInput().Matches(form)
            .Select(input => new KeyValuePair<string, string>(Attribute(input.Value, "name"), WebUtility.HtmlDecode(Attribute(input.Value, "value"))))
            .ToList();
    }

    private static string Attribute(string tag, string name) =>
        Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"").Groups[1].Value;

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

    [GeneratedRegex("<input[^>]*\\stype=\"hidden\"[^>]*>")]
    private static partial Regex HiddenInput();
}
