using Wellbeing.Application.Statistics.Commands.PublishClosedPeriods;
using Wellbeing.Domain.Statistics;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;
using static Wellbeing.Web.FunctionalTests.Support.HrReading;

namespace Wellbeing.Web.FunctionalTests.Hr;

/// <summary>
/// An HR manager who knows who is in which department tries to learn one person's answers with the page, the export
/// and the partner API, as the attacks of issue 10 did on the snapshot model (the fourth, on the professional's own
/// alliance page, is not an HR view). Every attempt is made over HTTP with real submissions and real publication runs,
/// and must learn nothing. Default rules: k = 5, k_dist = 10.
/// </summary>
public sealed class PrivacyAttackTests(AppFixture app) : IClassFixture<AppFixture>
{
    /// <summary>
    /// Attack 1: answers in the open month, a publication, more answers, another publication. Subtracting the readings
    /// had isolated one Engineering member; now nothing changes at all until the month closes, and then the month
    /// arrives as one block of its own beside the earlier ones, which stay exactly as they were.
    /// </summary>
    [Fact]
    public async Task TwoPublicationsCombined_ChangeNothingUntilTheMonthCloses_ThenAddOneBlockAndKeepTheOthers()
    {
        var clock = AppClock.StartingNow();
        using var factory = new WellbeingAppFactory { Clock = clock, DemoDataEnabled = false };
        var scenario = await HubScenario.CreateAsync(factory, "Two-publications");
        static int SalesScore(int i) => i % 2 == 0 ? 40 : 80;
        var sales = await scenario.AddMembersAsync("Sales", 12, i => [SalesScore(i)]);
        var engineering = await scenario.AddMembersAsync("Engineering", 10, i => [i % 2 == 0 ? 20 : 60]);
        await scenario.PublishAsync();
        var partner = await factory.RegisterPartnerAsync(scenario.HubId);
        Task<HrViews> ReadAsync() => HrViews.ReadAsync(factory, scenario.HubId, scenario.HrEmail, partner.ClientId, partner.ClientSecret);
        var first = await ReadAsync();
        Assert.Contains(first.Pages.Values, page => SelectedFigures(page).Any(f => f is not null));

        // Five Sales members answer in their usual bracket and one Engineering member answers all 0.
        foreach (var (id, i) in sales.Take(5).Select((id, i) => (id, i)))
        {
            await scenario.SubmitAsync(id, SalesScore(i));
        }

        await scenario.SubmitAsync(engineering[0], 0);
        Assert.Empty(await scenario.PublishAsync());
        var second = await ReadAsync();

        // Five more Sales members answer.
        foreach (var (id, i) in sales.Skip(5).Take(5).Select((id, i) => (id, i + 5)))
        {
            await scenario.SubmitAsync(id, SalesScore(i));
        }

        Assert.Empty(await scenario.PublishAsync());
        var third = await ReadAsync();

        Assert.Equal(first.All(), second.All());
        Assert.Equal(first.All(), third.All());

        var month = scenario.OpenMonth;
        clock.SetUtcNow(month.End + ReportingPeriod.Grace);
        var outcome = Assert.Single(await scenario.PublishAsync());
        var closed = await ReadAsync();

        Assert.Equal((month.Key, PublicationResult.Published), (outcome.Period, outcome.Result));
        Assert.Equal([.. first.Periods, month.Key], closed.Periods);
        first.AssertUnchangedIn(closed, month.Key);
        closed.AssertComplementsAreNoneOrAtLeastK(month.Key);
    }

    /// <summary>
    /// Attack 2: a department of exactly five whose scores 0, 4, 4, 8, 8 are all Poor. Its mean alone would tell HR
    /// that each named member screened Poor; it must read exactly like a department of four.
    /// </summary>
    [Fact]
    public async Task UniformDepartmentOfFive_ReadsExactlyLikeADepartmentOfFour()
    {
        var scenario = await HubScenario.CreateAsync(app.Factory, "Uniform");
        await scenario.AddMembersAsync("Sales", 12, i => [i % 2 == 0 ? 40 : 80]);
        await scenario.AddMembersAsync("Ops", 12, i => [i % 2 == 0 ? 20 : 60]);
        int[] uniform = [0, 4, 4, 8, 8];
        await scenario.AddMembersAsync("Payroll", 5, i => [uniform[i]]);
        int[] mixed = [20, 40, 60, 80];
        await scenario.AddMembersAsync("Legal", 4, i => [mixed[i]]);

        // Legal's other four staff did not answer. Had everyone answered, an HR manager who knows the headcounts could
        // pin Payroll's respondents at five (hub minus Sales, Ops and Legal's whole staff) and tell it is hidden although
        // not small: the composer would then hide the whole hub (BlockComposerTests).
        await scenario.AddMembersAsync("Legal", 4);
        await scenario.PublishAsync();
        var views = await ReadAsync(scenario);

        // Not a hub where everything is hidden: the large departments show their figures.
        Assert.NotNull(Figure(views.Pages[(scenario.LastClosedMonth.Key, "Sales")], MembersWhoResponded));
        foreach (var period in views.Periods)
        {
            Assert.Equal(Unnamed(AfterTheSelectors(views.Pages[(period, "Legal")]), "Legal"), Unnamed(AfterTheSelectors(views.Pages[(period, "Payroll")]), "Payroll"));
            Assert.Equal(Unnamed(views.Exports[(period, "Legal")], "Legal"), Unnamed(views.Exports[(period, "Payroll")], "Payroll"));
            Assert.Equal(Unnamed(ApiFigures(views.Api[(period, "Legal")]), "Legal"), Unnamed(ApiFigures(views.Api[(period, "Payroll")]), "Payroll"));
            Assert.All(Cells(Blocks(views.Api[(period, "Payroll")]).Single()).Where(c => !c.GetProperty("hubWide").GetBoolean()), c => Assert.Null(PartnerSystem.Shown(c)));
        }

        Assert.Equal(Unnamed(ApiFigures(views.Api[(null, "Legal")]), "Legal"), Unnamed(ApiFigures(views.Api[(null, "Payroll")]), "Payroll"));
    }

    /// <summary>
    /// Attack 3: a hidden department answers together with one person elsewhere, who alone would make the rest of the
    /// hub too small to hide them. On every view of every published period, the hub's "members who responded" minus
    /// those of the shown departments is none or at least k.
    /// </summary>
    [Fact]
    public async Task HubMinusTheShownDepartments_IsNoneOrAtLeastK_OnThePageTheExportAndTheApi()
    {
        var scenario = await HubScenario.CreateAsync(app.Factory, "Complement");
        var earlier = scenario.LastClosedMonth.Start.AddDays(-14);
        var later = scenario.LastClosedMonth.Start.AddDays(14);
        await scenario.AddMembersAsync("Sales", 12, i => [i % 2 == 0 ? 40 : 80], lastAt: later);
        var finance = await scenario.AddMembersAsync("Finance", 6, i => [i % 2 == 0 ? 20 : 60], lastAt: earlier);
        var ops = await scenario.AddMembersAsync("Ops", 10, i => [i % 2 == 0 ? 20 : 60], lastAt: earlier);
        var legal = await scenario.AddMembersAsync("Legal", 3, i => [i % 2 == 0 ? 20 : 80], lastAt: earlier);
        await scenario.AddMembersAsync(null, 1, _ => [40], lastAt: earlier);

        // In the later month Legal and Finance answer again, and one Ops member with them.
        foreach (var id in legal.Concat(finance))
        {
            await scenario.SubmitAsync(id, 60, later);
        }

        await scenario.SubmitAsync(ops[0], 0, later);
        await scenario.PublishAsync();
        var views = await ReadAsync(scenario);

        foreach (var period in views.Periods)
        {
            views.AssertComplementsAreNoneOrAtLeastK(period);
        }

        // The rules were at work: some period shows a department while others stay hidden.
        Assert.Contains(views.Periods, p => views.Complements(p).Any(c => c.ShownDepartments > 0 && c.ShownDepartments < views.Departments.Count));
    }

    [Fact]
    public async Task OverlappingSegments_CannotBeRequested()
    {
        var scenario = await HubScenario.CreateAsync(app.Factory, "Overlap");
        await scenario.AddMembersAsync("Sales", 10, i => [i % 2 == 0 ? 40 : 80]);
        await scenario.AddMembersAsync("Ops", 10, i => [i % 2 == 0 ? 20 : 60]);
        await scenario.PublishAsync();
        var hr = await BrowserlessClient.SignedInAsync(app.Factory, scenario.HrEmail);

        var (status, body) = await hr.GetAsync($"/hubs/{scenario.HubId}/hr?department=Sales&department=Ops");
        var export = await hr.Http.GetAsync($"/hubs/{scenario.HubId}/hr/export.csv?department=Sales&department=Ops");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, status);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, export.StatusCode);
        Assert.DoesNotContain("class=\"figure\"", body);
    }

    private async Task<HrViews> ReadAsync(HubScenario scenario)
    {
        var partner = await app.Factory.RegisterPartnerAsync(scenario.HubId);
        return await HrViews.ReadAsync(app.Factory, scenario.HubId, scenario.HrEmail, partner.ClientId, partner.ClientSecret);
    }

    /// <summary>The page after its selectors, which list every department and mark the chosen one.</summary>
    private static string AfterTheSelectors(string page) => page[page.IndexOf("</form>", StringComparison.Ordinal)..];

    /// <summary>An API answer's figures: its blocks and the mean over them, without the list of departments.</summary>
    private static string ApiFigures(System.Text.Json.JsonElement answer) =>
        answer.GetProperty("blocks").GetRawText() + answer.GetProperty("allTimeMean").GetRawText();

    /// <summary>A department's view with its name taken out: the one thing that legitimately differs between two departments.</summary>
    private static string Unnamed(string view, string department) => view.Replace(department, "DEPARTMENT", StringComparison.Ordinal);
}
