using Htmx;
using Microsoft.Net.Http.Headers;

namespace Wellbeing.Web.Forms;

/// <summary>Whether an endpoint that serves both a whole page and an htmx fragment of it answers with the fragment.</summary>
public static class HtmxFragments
{
    public const string RequestHeader = "HX-Request";

    /// <summary>
    /// The status of a fragment redrawn with a refusal's message: htmx 2 swaps no 4xx answer except this one (the
    /// layout's <c>responseHandling</c>), so the message lands in place; a page without htmx gets 400 like every other
    /// redrawn form.
    /// </summary>
    public const int RefusedStatus = StatusCodes.Status422UnprocessableEntity;

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
