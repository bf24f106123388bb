using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsvHelper;
using Wellbeing.Testing;

namespace Wellbeing.Web.FunctionalTests.Support;

/// <summary>One row of the HR export: the columns Period, Scope, Section, Figure, Value (empty when hidden).</summary>
public sealed record ExportRow(string Period, string Scope, string Section, string Figure, string Value);

/// <summary>
/// Reads what an HR manager gets (the page, the CSV export) and what a partner system gets (the API) the way the tests
/// compare them: a hidden figure is null on the page, an empty value in the export and a null value over the API.
/// </summary>
public static partial class HrReading
{
    public const string NotEnough = "Not enough responses";

    public const string MembersWhoResponded = "Members who responded";

    public static string PagePath(Guid hubId, string? period = null, string? department = null) => $"/hubs/{hubId}/hr" + Query(period, department);

    public static string ExportPath(Guid hubId, string? period = null, string? department = null) => $"/hubs/{hubId}/hr/export.csv" + Query(period, department);

    /// <summary>The page's own content, which is what differs between views (the layout is the same on every page).</summary>
    public static string MainContent(string page)
    {
        var start = page.IndexOf("<main", StringComparison.Ordinal);
        Assert.True(start >= 0, "the answer is not a page");
        return page[start..(page.IndexOf("</main>", start, StringComparison.Ordinal) + "</main>".Length)];
    }

    /// <summary>
    /// Every figure of the selected period in reading order, from its participation to its alliance mean: the value as
    /// the page writes it without its unit, or null for "Not enough responses".
    /// </summary>
    public static IReadOnlyList<string?> SelectedFigures(string page) => Figures(SelectedBlock(page));

    /// <summary>The selected period's part of the page: its name and dates and all of its figures, up to the table of every period.</summary>
    public static string SelectedBlock(string page)
    {
        var main = MainContent(page);
        var start = main.IndexOf("<p>Figures for", StringComparison.Ordinal);
        var end = main.IndexOf("<section class=\"card\" aria-labelledby=\"periods-heading\">", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "the page shows no published period");
        return main[start..end];
    }

    /// <summary>The table of every published period: one row each, oldest first, with its mean and respondents as rendered.</summary>
    public static IReadOnlyList<string> PeriodRows(string page)
    {
        var main = MainContent(page);
        return [.. PeriodRow().Matches(main[main.IndexOf("periods-heading", StringComparison.Ordinal)..]).Select(m => m.Value)];
    }

    /// <summary>The figure after a label in the selected period's part, or null when it says "Not enough responses".</summary>
    public static string? Figure(string page, string label)
    {
        var match = Regex.Match(SelectedBlock(page), Regex.Escape(label) + "</dt>\\s*<dd>\\s*" + FigurePattern);
        Assert.True(match.Success, $"{label} is not on the page");
        return match.Groups["v"].Success ? match.Groups["v"].Value : null;
    }

    /// <summary>The mean over all published periods, below the table of every period; null when hidden.</summary>
    public static string? AllTimeMean(string page)
    {
        var match = Regex.Match(MainContent(page), "Mean over all published periods \\(0-100\\)</dt><dd>\\s*" + FigurePattern);
        Assert.True(match.Success, "the mean over all published periods is not on the page");
        return match.Groups["v"].Success ? match.Groups["v"].Value : null;
    }

    /// <summary>The values of the period selector, newest first, and the one selected.</summary>
    public static (IReadOnlyList<string> Periods, string? Selected) PeriodOptions(string page) => Options(page, "period");

    /// <summary>The departments of the department selector (the first option, the whole hub, left out).</summary>
    public static IReadOnlyList<string> DepartmentOptions(string page) => [.. Options(page, "department").Values.Where(v => v.Length > 0)];

    public static IReadOnlyList<string?> Figures(string html) =>
        [.. Regex.Matches(html, FigurePattern).Select(m => m.Groups["v"].Success ? m.Groups["v"].Value.Replace(" %", string.Empty, StringComparison.Ordinal) : null)];

    /// <summary>The export's rows after its header, parsed as a spreadsheet would read them.</summary>
    public static IReadOnlyList<ExportRow> Rows(string csv)
    {
        using var reader = CsvReader.Create(new StringReader(csv), new CsvReaderOptions { Separator = ',' }, leaveOpen: false);
        var rows = new List<ExportRow>();
        while (reader.Read())
        {
            Assert.Equal(5, reader.FieldCount);
            rows.Add(new ExportRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        }

        Assert.Equal(["Period", "Scope", "Section", "Figure", "Value"], reader.Headers);
        return rows;
    }

    public static IReadOnlyList<JsonElement> Blocks(JsonElement answer) => [.. answer.GetProperty("blocks").EnumerateArray()];

    public static IReadOnlyList<JsonElement> Cells(JsonElement block) => [.. block.GetProperty("cells").EnumerateArray()];

    public static JsonElement Cell(JsonElement block, string metric, string? category = null) =>
        Cells(block).Single(c => c.GetProperty("metric").GetString() == metric && c.GetProperty("category").GetString() == category);

    public static async Task<string> PageAsync(this BrowserlessClient client, string path)
    {
        var (status, body) = await client.GetAsync(path);
        Assert.True(status == HttpStatusCode.OK, $"{path}: {(int)status}");
        return body;
    }

    public static async Task<string> ExportAsync(this BrowserlessClient client, string path)
    {
        var response = await client.Http.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    public static async Task<JsonElement> ApiAsync(HttpClient http, string path, string token) =>
        await PartnerSystem.JsonAsync(await PartnerSystem.GetAsync(http, path, token));

    private const string FigurePattern = "(?:<span class=\"figure\">(?<v>[^<]*)</span>|<span class=\"suppressed\">" + NotEnough + "</span>)";

    private static string Query(string? period, string? department)
    {
        var parts = new[] { ("period", period), ("department", department) }.Where(p => p.Item2 is not null).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}").ToList();
        return parts.Count == 0 ? string.Empty : "?" + string.Join('&', parts);
    }

    private static (IReadOnlyList<string> Values, string? Selected) Options(string page, string select)
    {
        var list = Regex.Match(MainContent(page), $"<select id=\"{select}\" name=\"{select}\">(?<options>.*?)</select>", RegexOptions.Singleline);
        if (!list.Success)
        {
            return ([], null);
        }

        var options = Option().Matches(list.Groups["options"].Value).ToList();
        return ([.. options.Select(o => o.Groups["value"].Value)], options.Where(o => o.Groups["selected"].Success).Select(o => o.Groups["value"].Value).SingleOrDefault());
    }

    [GeneratedRegex("<tr><th scope=\"row\">[^<]*</th>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex PeriodRow();

    [GeneratedRegex("<option value=\"(?<value>[^\"]*)\"(?<selected> selected=\"selected\")?>")]
    private static partial Regex Option();
}
