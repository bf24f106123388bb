using System.Text.RegularExpressions;

namespace Wellbeing.Web.FunctionalTests.Support;

/// <summary>
/// The antiforgery token as the app writes it into a page: the hidden field of each form, and the header htmx sends
/// (the layout's <c>hx-headers</c> JSON, <c>"RequestVerificationToken": "…"</c>).
/// </summary>
public static partial class Antiforgery
{
    public const string FieldName = "__RequestVerificationToken";
    public const string HeaderName = "RequestVerificationToken";

    /// <summary>The token of the first form on <paramref name="page"/>; empty when the page has no form.</summary>
    public static string TokenOf(string page) => Field().Match(page).Groups[1].Value;

    /// <summary>The page with every token, in a field or the htmx header, read as <c>TOKEN</c>: tokens are new on every response by design.</summary>
    public static string Masked(string page) => AnyToken().Replace(page, "TOKEN");

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex Field();

    [GeneratedRegex("(?<=(name=\"__RequestVerificationToken\"[^>]*?value=\"|\"RequestVerificationToken\": \"))[^\"]+")]
    private static partial Regex AnyToken();
}
