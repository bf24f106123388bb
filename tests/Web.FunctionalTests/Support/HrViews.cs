using System.Globalization;
using System.Text.Json;
using Wellbeing.Testing;
using static Wellbeing.Web.FunctionalTests.Support.HrReading;

namespace Wellbeing.Web.FunctionalTests.Support;

/// <summary>
/// Everything an HR manager and a partner system of one hub can read at one moment: the page and the export for every
/// published period and every scope the page offers (the whole hub and each department), and the API's answer for
/// every scope, with every period and with each period alone. An attacker who kept every view has exactly these.
/// </summary>
/// <param name="Periods">The published periods the page offers, oldest first.</param>
/// <param name="Departments">The departments the page offers, in its order.</param>
/// <param name="Pages">The page's own content per (period, department); department null for the whole hub.</param>
/// <param name="Exports">The export per (period, department).</param>
/// <param name="Api">The API's answer per (period, department); period null for the answer with every period.</param>
public sealed record HrViews(
    IReadOnlyList<string> Periods,
    IReadOnlyList<string> Departments,
    IReadOnlyDictionary<(string Period, string? Department), string> Pages,
    IReadOnlyDictionary<(string Period, string? Department), string> Exports,
    IReadOnlyDictionary<(string? Period, string? Department), JsonElement> Api)
{
    /// <summary>The export's rows derived from every published period (the mean over all of them), which a new period moves.</summary>
    private const string AllPublishedPeriods = "All published periods";

    /// <summary>Signs the HR manager in and asks for a partner token afresh, so a clock moved on since the last reading does not matter.</summary>
    public static async Task<HrViews> ReadAsync(WellbeingAppFactory factory, Guid hubId, string hrEmail, string clientId, string clientSecret)
    {
        var hr = await BrowserlessClient.SignedInAsync(factory, hrEmail);
        var http = factory.CreateClient();
        return await ReadAsync(hubId, hr, http, await PartnerSystem.TokenAsync(http, clientId, clientSecret));
    }

    public static async Task<HrViews> ReadAsync(Guid hubId, BrowserlessClient hr, HttpClient http, string token)
    {
        var first = await hr.PageAsync(PagePath(hubId));
        var periods = PeriodOptions(first).Periods.Reverse().ToList();
        var departments = DepartmentOptions(first);
        var pages = new Dictionary<(string, string?), string>();
        var exports = new Dictionary<(string, string?), string>();
        var api = new Dictionary<(string?, string?), JsonElement>();
        foreach (var department in new[] { (string?)null }.Concat(departments))
        {
            api[(null, department)] = await ApiAsync(http, PartnerSystem.AggregatesPath(hubId, department), token);
            foreach (var period in periods)
            {
                pages[(period, department)] = MainContent(await hr.PageAsync(PagePath(hubId, period, department)));
                exports[(period, department)] = await hr.ExportAsync(ExportPath(hubId, period, department));
                api[(period, department)] = await ApiAsync(http, PartnerSystem.AggregatesPath(hubId, department, period), token);
            }
        }

        return new HrViews(periods, departments, pages, exports, api);
    }

    /// <summary>Every view, each as one string in a fixed order, so two readings compare as a whole and a failure names the view.</summary>
    public IReadOnlyList<string> All() =>
    [
        .. Pages.OrderBy(p => p.Key.ToString(), StringComparer.Ordinal).Select(p => $"page {p.Key}: {p.Value}"),
        .. Exports.OrderBy(p => p.Key.ToString(), StringComparer.Ordinal).Select(p => $"export {p.Key}: {p.Value}"),
        .. Api.OrderBy(p => p.Key.ToString(), StringComparer.Ordinal).Select(p => $"api {p.Key}: {p.Value.GetRawText()}"),
    ];

    /// <summary>
    /// What "the hub minus its shown departments" gives for one period in each view: the hub's members who responded
    /// (null when hidden), and the sum of the departments that show theirs and how many do.
    /// </summary>
    public IEnumerable<(string View, int? Hub, int ShownDepartments, int ShownSum)> Complements(string period)
    {
        int? FromPage(string? department) => Number(Figure(Pages[(period, department)], MembersWhoResponded));
        int? FromExport(string? department) => Number(Rows(Exports[(period, department)]).First(r => r.Period == period && r.Figure == MembersWhoResponded).Value);
        int? FromApi(string? department) => Number(PartnerSystem.Shown(Cell(Blocks(Api[(period, department)]).Single(), "participation.responded")));

        foreach (var (view, read) in new (string, Func<string?, int?>)[] { ("page", FromPage), ("export", FromExport), ("api", FromApi) })
        {
            var shown = Departments.Select(read).OfType<int>().ToList();
            yield return ($"{view} of {period}", read(null), shown.Count, shown.Sum());
        }
    }

    /// <summary>The k of the period's block, as the API states it.</summary>
    public int K(string period) => Blocks(Api[(period, null)]).Single().GetProperty("rules").GetProperty("k").GetInt32();

    private static int? Number(string? figure) => string.IsNullOrEmpty(figure) ? null : int.Parse(figure, CultureInfo.InvariantCulture);

    /// <summary>
    /// A later reading shows every block of this one exactly as it was, and <paramref name="newPeriod"/> beside them:
    /// the page's part for each period and its row in the table of every period, the export's rows of each period,
    /// the API's blocks. Only the mean over all periods may move, by the new period's whole block.
    /// </summary>
    public void AssertUnchangedIn(HrViews later, string newPeriod)
    {
        Assert.Equal(Periods, later.Periods.Where(p => p != newPeriod));
        foreach (var (key, page) in Pages)
        {
            var now = later.Pages[key];
            Assert.Equal(SelectedBlock(page), SelectedBlock(now));
            Assert.Equal(PeriodRows(page), PeriodRows(now).Take(PeriodRows(page).Count));
            Assert.Equal(PeriodRows(page).Count + 1, PeriodRows(now).Count);
        }

        foreach (var (key, csv) in Exports)
        {
            Assert.Equal(
                Rows(csv).Where(r => r.Period != AllPublishedPeriods),
                Rows(later.Exports[key]).Where(r => r.Period != AllPublishedPeriods && r.Period != newPeriod));
        }

        foreach (var (key, answer) in Api)
        {
            var now = Blocks(later.Api[key]);
            Assert.Equal(Blocks(answer).Select(b => b.GetRawText()), now.Take(Blocks(answer).Count).Select(b => b.GetRawText()));
            Assert.Equal(key.Period is null ? [newPeriod] : [], now.Skip(Blocks(answer).Count).Select(b => b.GetProperty("period").GetString()));
        }
    }

    /// <summary>On every view of the period, the hub's respondents minus those of the shown departments are none or at least k.</summary>
    public void AssertComplementsAreNoneOrAtLeastK(string period)
    {
        var k = K(period);
        foreach (var (view, hub, shownDepartments, shownSum) in Complements(period))
        {
            if (hub is not { } responded)
            {
                Assert.True(shownDepartments == 0, $"{view}: a department is shown while the hub is hidden");
                continue;
            }

            var remainder = responded - shownSum;
            Assert.True(remainder == 0 || remainder >= k, $"{view}: the hidden departments have {remainder} respondents");
        }
    }
}
