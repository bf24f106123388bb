using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Wellbeing.Web.FunctionalTests.Support;

/// <summary>An administrator's member import as the browser does it: upload the form, confirm on the import's page, follow its progress polling.</summary>
public static partial class MemberImportUploads
{
    /// <summary>Sends a file as the upload form does (multipart, with the form's antiforgery token).</summary>
    /// <returns>The response: a redirect to the import's page, or the upload page refusing the file.</returns>
    public static async Task<HttpResponseMessage> UploadMembersAsync(this BrowserlessClient admin, Guid hubId, string fileName, byte[] content, bool full = false)
    {
        var path = $"/admin/hubs/{hubId}/imports";
        var token = Antiforgery.TokenOf(await admin.Http.GetStringAsync(path));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), Antiforgery.FieldName },
        };
        var bytes = new ByteArrayContent(content);
        bytes.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(bytes, "file", fileName);
        if (full)
        {
            form.Add(new StringContent("true"), "full");
        }

        return await admin.Http.PostAsync(path, form);
    }

    /// <summary>Presses "Confirm and import" on the import's page.</summary>
    public static async Task ConfirmImportAsync(this BrowserlessClient admin, string importPage)
    {
        var confirmed = await admin.PostFormAsync(importPage, importPage + "/confirm", []);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
    }

    /// <summary>Follows the progress fragment, as the page's polling does, until the job is done or <paramref name="seconds"/> pass.</summary>
    /// <returns>The last fragment: the summary, or the progress bar when it did not finish in time.</returns>
    public static async Task<string> WaitForImportAsync(this BrowserlessClient admin, string importPage, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var (_, fragment) = await admin.GetAsync(importPage + "/progress", htmx: true);
            if (!fragment.Contains("hx-trigger=\"every 1s\"", StringComparison.Ordinal) || DateTime.UtcNow > deadline)
            {
                return fragment;
            }

            await Task.Delay(200);
        }
    }

    public static async Task<string> ConfirmAndWaitAsync(this BrowserlessClient admin, string importPage)
    {
        await admin.ConfirmImportAsync(importPage);
        return await admin.WaitForImportAsync(importPage);
    }

    /// <summary>One count as the import's page shows it: created, matched, updated, unchanged, reactivated, deactivated or rejected.</summary>
    public static int ImportCount(string page, string name) =>
        int.Parse(Regex.Match(page, $"id=\"count-{name}\">(\\d+)<").Groups[1].Value, CultureInfo.InvariantCulture);
}
