using Htmx;
using Microsoft.Net.Http.Headers;

namespace Wellbeing.Web.Forms;

/// <summary>Whether an endpoint that serves both a whole page and an htmx fragment of it answers with the fragment.</summary>
public static class HtmxFragments
{
    public const string RequestHeader = "HX-Request";

    /// <summary>
    /// True for htmx's own swaps. False for a plain browser request and for htmx's history restore
    /// (<c>HX-History-Restore-Request</c>: Back to a page htmx no longer holds), which replaces the whole body and so
    /// needs the whole page. Marks the response <c>Vary: HX-Request</c> in both cases, so no cache hands one where the
    /// other was asked for.
    /// </summary>
    public static bool WantsFragment(this HttpContext context)
    {
        context.Response.Headers.Append(HeaderNames.Vary, RequestHeader);
        return context.Request.IsHtmx() && !context.Request.IsHtmxHistoryRestoreRequest();
    }
}
