using System.Net;
using Wellbeing.Testing;
using Xunit;

namespace Wellbeing.Web.FunctionalTests.Support;

/// <summary>
/// "Élodie Dupré" stored composed (NFC) or decomposed (NFD), and what a professional types to find her: the same cases
/// on every database provider.
/// </summary>
public static class ClientSearch
{
    public const string Composed = "\u00c9lodie Dupr\u00e9";
    public const string Decomposed = "E\u0301lodie Dupre\u0301";

    public static readonly string[] Queries = [Composed[..6], Decomposed[..7], "élodie", "ÉLODIE", "Elodie", "dupre", "DUPRÉ", "odie dup"];

    /// <summary>Searches the live list as htmx does and tells whether the row of <paramref name="memberId"/> came back.</summary>
    public static async Task<bool> FindsAsync(BrowserlessClient professional, string query, Guid memberId)
    {
        var (status, rows) = await professional.GetAsync($"/clients?search={Uri.EscapeDataString(query)}", htmx: true);
        Assert.Equal(HttpStatusCode.OK, status);
        return rows.Contains($"/clients/{memberId}", StringComparison.Ordinal);
    }
}
