using System.Net;
using System.Text.RegularExpressions;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Hr;

/// <summary>
/// An HR manager who knows who is in which department tries to learn one person's score. Each attempt is made over
/// HTTP with real submissions and a real refresh, and must yield nothing. Default rules: k = 5, k_dist = 10.
/// </summary>
public sealed partial class PrivacyAttackTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string NotEnough = "Not enough responses";

    [Fact]
    public async Task ComplementSubtraction_HubMinusTheOtherDepartment_IsImpossible()
    {
        // Legal has 4 people; if Sales were shown, hub minus Sales would be Legal.
        var scenario = await HubScenario.CreateAsync(app.Factory, "Complement");
        await scenario.AddMembersAsync("Sales", 10, 60);
        await scenario.AddMembersAsync("Legal", 4, 20);
        await scenario.RefreshAsync();
        var hr = await scenario.SignInAsync();

        var hub = await PageAsync(hr, scenario, null);
        var sales = await PageAsync(hr, scenario, "Sales");

        Assert.Equal("14", Figure(hub, "Enrolled members"));
        Assert.Null(Figure(sales, "All-time mean (0-100)"));
        Assert.Null(Figure(sales, "Members who responded"));
    }

    [Fact]
    public async Task ComplementSubtraction_AcrossSeveralDepartments_LeavesAtLeastKHidden()
    {
        // The target is alone in Legal; hub minus Sales, Ops and Finance would be the target.
        var scenario = await HubScenario.CreateAsync(app.Factory, "Secondary");
        await scenario.AddMembersAsync("Sales", 10, 60);
        await scenario.AddMembersAsync("Ops", 10, 40);
        await scenario.AddMembersAsync("Finance", 6, 80);
        await scenario.AddMembersAsync("Legal", 1, 0);
        await scenario.RefreshAsync();
        var hr = await scenario.SignInAsync();

        var hidden = 0;
        foreach (var (department, size) in new[] { ("Sales", 10), ("Ops", 10), ("Finance", 6), ("Legal", 1) })
        {
            if (Figure(await PageAsync(hr, scenario, department), "All-time mean (0-100)") is null)
            {
                hidden += size;
            }
        }

        Assert.True(hidden >= 5, $"only {hidden} people are hidden behind the shown departments");
    }

    [Fact]
    public async Task OverlappingSegments_CannotBeRequested()
    {
        var scenario = await HubScenario.CreateAsync(app.Factory, "Overlap");
        await scenario.AddMembersAsync("Sales", 10, 60);
        await scenario.AddMembersAsync("Ops", 10, 40);
        await scenario.RefreshAsync();
        var hr = await scenario.SignInAsync();

        var (status, body) = await hr.GetAsync($"/hubs/{scenario.HubId}/hr?department=Sales&department=Ops");
        var export = await hr.Http.GetAsync($"/hubs/{scenario.HubId}/hr/export.csv?department=Sales&department=Ops");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(HttpStatusCode.BadRequest, export.StatusCode);
        Assert.DoesNotContain("class=\"figure\"", body);
    }

    [Fact]
    public async Task MonthVersusAllTime_TheLoneRespondentOfAMonthChangesNothing()
    {
        // Everyone answered a month ago; the target alone answers only today. Two worlds differ only in the target's score.
        var pages = new List<string>();
        foreach (var targetScore in new[] { 0, 100 })
        {
            var scenario = await HubScenario.CreateAsync(app.Factory, "Month");
            await scenario.AddMembersAsync("Sales", 8, _ => [60, 60], lastAt: DateTimeOffset.UtcNow.AddDays(-40));
            var target = await scenario.AddMembersAsync("Sales", 1, _ => []);
            await scenario.SubmitAsync(target[0], targetScore);
            await scenario.RefreshAsync();
            var page = await PageAsync(await scenario.SignInAsync(), scenario, null);
            pages.Add(scenario.Normalise(WithoutParticipation(page)));
        }

        Assert.Equal(pages[0], pages[1]);
    }

    [Fact]
    public async Task SnapshotBeforeAndAfter_OneNewSubmission_PublishesNothingNew()
    {
        var scenario = await HubScenario.CreateAsync(app.Factory, "Before-after");
        var people = await scenario.AddMembersAsync("Sales", 12, 60);
        await scenario.RefreshAsync();
        var hr = await scenario.SignInAsync();
        var before = MainContent(await PageAsync(hr, scenario, null));

        await scenario.SubmitAsync(people[0], 0);
        var result = await scenario.RefreshAsync();
        var after = MainContent(await PageAsync(hr, scenario, null));

        Assert.Contains(scenario.HubId, result.Held);
        Assert.Equal(1, await scenario.SnapshotCountAsync());
        Assert.Equal(before, after);

        // Once k people have answered anew, the next snapshot goes out.
        foreach (var id in people.Skip(1).Take(4))
        {
            await scenario.SubmitAsync(id, 40);
        }

        Assert.Contains(scenario.HubId, (await scenario.RefreshAsync()).Published);
    }

    [Fact]
    public async Task SnapshotBeforeAndAfter_OneNewSubmissionInADepartment_LeavesItsFiguresAsTheyWere()
    {
        // A new snapshot goes out (11 new people in the hub), but Sales has only the target among them.
        var scenario = await HubScenario.CreateAsync(app.Factory, "Department-before-after");
        var sales = await scenario.AddMembersAsync("Sales", 12, 60);
        var ops = await scenario.AddMembersAsync("Ops", 12, 40);
        var finance = await scenario.AddMembersAsync("Finance", 12, 80);
        await scenario.RefreshAsync();
        var hr = await scenario.SignInAsync();
        var before = new Dictionary<string, string>();
        foreach (var department in new[] { "Sales", "Ops", "Finance" })
        {
            before[department] = FromParticipation(await PageAsync(hr, scenario, department));
        }

        await scenario.SubmitAsync(sales[0], 0);
        foreach (var id in ops.Take(5))
        {
            await scenario.SubmitAsync(id, 100);
        }

        foreach (var id in finance.Take(5))
        {
            await scenario.SubmitAsync(id, 0);
        }

        Assert.Contains(scenario.HubId, (await scenario.RefreshAsync()).Published);
        var salesAfter = await PageAsync(hr, scenario, "Sales");

        Assert.Equal(before["Sales"], FromParticipation(salesAfter));
        Assert.Contains("keeps the figures you have already seen", salesAfter);
        Assert.NotEqual(before["Ops"], FromParticipation(await PageAsync(hr, scenario, "Ops")));

        // Hub minus Ops would otherwise be the target alone: Finance keeps its figures too, so it is six new people.
        Assert.Equal(before["Finance"], FromParticipation(await PageAsync(hr, scenario, "Finance")));
    }

    [Fact]
    public async Task TinySegmentAllInOneBracket_ShowsNoDistribution()
    {
        var scenario = await HubScenario.CreateAsync(app.Factory, "Bracket");
        await scenario.AddMembersAsync("Sales", 12, 80);
        await scenario.AddMembersAsync("Legal", 6, 20);
        await scenario.AddMembersAsync("Ops", 11, 20);
        await scenario.RefreshAsync();
        var hr = await scenario.SignInAsync();

        var legal = await PageAsync(hr, scenario, "Legal");
        var ops = await PageAsync(hr, scenario, "Ops");

        foreach (var page in new[] { legal, ops })
        {
            Assert.Null(Share(page, "Poor"));
            Assert.Null(Share(page, "Good"));
        }
    }

    [Fact]
    public async Task SegmentOfKMinusOne_ReadsByteForByteLikeAnEmptyOne()
    {
        var scenario = await HubScenario.WithASmallAndAnEmptyDepartmentAsync(app.Factory, "Small");
        var hr = await scenario.SignInAsync();

        var legal = await PageAsync(hr, scenario, "Legal");
        var empty = await PageAsync(hr, scenario, "Empty");
        var unknown = await PageAsync(hr, scenario, "Nobody");

        // The filter form lists the departments and the lead names the chosen one; every figure comes after them.
        string Figures(string page, string department) => MainContent(page)[MainContent(page).IndexOf("</form>", StringComparison.Ordinal)..].Replace(department, "X");
        Assert.DoesNotContain("class=\"figure\"", Figures(legal, "Legal"));
        Assert.Equal(Figures(legal, "Legal"), Figures(empty, "Empty"));
        Assert.Equal(Figures(legal, "Legal"), Figures(unknown, "Nobody"));
    }

    [Fact]
    public async Task AnotherHubsStatistics_AreNotFound()
    {
        var mine = await HubScenario.CreateAsync(app.Factory, "Mine");
        var theirs = await HubScenario.CreateAsync(app.Factory, "Theirs");
        await theirs.AddMembersAsync("Sales", 10, 60);
        await theirs.RefreshAsync();
        var hr = await mine.SignInAsync();

        var (page, body) = await hr.GetAsync($"/hubs/{theirs.HubId}/hr");
        var export = await hr.Http.GetAsync($"/hubs/{theirs.HubId}/hr/export.csv");

        Assert.Equal(HttpStatusCode.NotFound, page);
        Assert.Equal(HttpStatusCode.NotFound, export.StatusCode);
        Assert.DoesNotContain("Theirs", body);
    }

    private static async Task<string> PageAsync(BrowserlessClient client, HubScenario scenario, string? department)
    {
        var (status, body) = await client.GetAsync($"/hubs/{scenario.HubId}/hr" + (department is null ? string.Empty : $"?department={department}"));
        Assert.Equal(HttpStatusCode.OK, status);
        return body;
    }

    /// <summary>The figure after a label, or null when it says "Not enough responses".</summary>
    private static string? Figure(string page, string label)
    {
        var match = Regex.Match(page, Regex.Escape(label) + "</dt>\\s*<dd>\\s*(<span class=\"figure\">(?<v>[^<]*)</span>|<span class=\"suppressed\">" + NotEnough + "</span>)");
        Assert.True(match.Success, $"{label} is not on the page");
        return match.Groups["v"].Success ? match.Groups["v"].Value : null;
    }

    private static string? Share(string page, string category)
    {
        var match = Regex.Match(page, $"<th scope=\"row\">{category}</th><td>\\s*(<span class=\"figure\">(?<v>[^<]*)</span>|<span class=\"suppressed\">)");
        Assert.True(match.Success);
        return match.Groups["v"].Success ? match.Groups["v"].Value : null;
    }

    /// <summary>The page's main content, without the per-session antiforgery token and without which option is selected.</summary>
    private static string MainContent(string page) =>
        AntiforgeryToken().Replace(page[page.IndexOf("<main", StringComparison.Ordinal)..], string.Empty).Replace(" selected=\"selected\"", string.Empty);

    /// <summary>Every figure of a page, from the participation section on.</summary>
    private static string FromParticipation(string page) => MainContent(page)[MainContent(page).IndexOf("participation-heading", StringComparison.Ordinal)..];

    /// <summary>The target's enrolment is known to HR anyway; what must not move is any score.</summary>
    private static string WithoutParticipation(string page) => MainContent(page)[MainContent(page).IndexOf("wellbeing-heading", StringComparison.Ordinal)..];

    [GeneratedRegex("value=\"[^\"]{40,}\"")]
    private static partial Regex AntiforgeryToken();
}
