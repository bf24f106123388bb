using System.Net;

namespace Wellbeing.Web.FunctionalTests.Support;

/// <summary>An administrator's forms sent as the browser sends them: with the page's antiforgery token, and as htmx when the form swaps in place.</summary>
public static class AdminForms
{
    /// <summary>
    /// Opens <paramref name="page"/> for its token and posts <paramref name="fields"/> to <paramref name="action"/>,
    /// with htmx's <c>HX-Request</c> header when <paramref name="htmx"/>. The body is decoded as a person reads it.
    /// </summary>
    public static async Task<(HttpStatusCode Status, string Body, Uri? Location)> PostAsync(this BrowserlessClient client, string page, string action, Dictionary<string, string> fields, bool htmx = false)
    {
        using var form = await client.Http.GetAsync(page);
        if (form.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"{page} answered {(int)form.StatusCode} (to {form.Headers.Location}), not the form.");
        }

        fields[Antiforgery.FieldName] = Antiforgery.TokenOf(await form.Content.ReadAsStringAsync());
        using var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(fields) };
        if (htmx)
        {
            request.Headers.Add("HX-Request", "true");
        }

        var response = await client.Http.SendAsync(request);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), response.Headers.Location);
    }
}
