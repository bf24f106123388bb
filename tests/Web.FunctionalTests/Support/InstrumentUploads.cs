using System.Net;
using System.Net.Http.Headers;

namespace Wellbeing.Web.FunctionalTests.Support;

/// <summary>Uploads an instrument definition from /admin/instruments as a browser sends the form: multipart, with its antiforgery token.</summary>
public static class InstrumentUploads
{
    public const string Page = "/admin/instruments";
    public const string Action = "/admin/instruments/imports";

    /// <param name="bytes">The file's content; null sends the form without a file.</param>
    public static async Task<(HttpResponseMessage Response, string Body)> UploadAsync(this BrowserlessClient admin, byte[]? bytes, string fileName = "definition.json")
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in await admin.HiddenFieldsAsync(Page, Action))
        {
            form.Add(new StringContent(value), name);
        }

        if (bytes is not null)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            form.Add(file, "Import.File", fileName);
        }

        var response = await admin.Http.PostAsync(Action, form);
        return (response, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>The import field's message as the page shows it beside the file input.</summary>
    public static string FieldMessage(string message) => $"<span id=\"import-file-error\" class=\"field-error\">{message}";
}
