using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Wellbeing.AcceptanceTests.Runner;
using Wellbeing.Domain.Statistics;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Testing.Browser;

namespace Wellbeing.AcceptanceTests.Steps;

/// <summary>A partner system over real HTTP against the app on Kestrel: token endpoint first, then the API.</summary>
public sealed class PartnerApiSteps(ScenarioContext context, WellbeingAppFactory app) : IDisposable
{
    private HttpClient? _http;
    private string? _token;
    private HttpResponseMessage? _answer;

    private HttpClient Http => _http ?? throw new InvalidOperationException("An earlier step should have chosen the partner system.");

    [Given("^the demo partner system of Northwind$")]
    public void DemoPartner() => _http = new HttpClient { BaseAddress = app.StartKestrel() };

    [When("""^it gets a token with the scope "([^"]*)"$""")]
    public Task TokenWithScope(string scope) => TokenAsync(scope);

    [When("^it gets a token without a scope$")]
    public Task TokenWithoutScope() => TokenAsync(scope: null);

    [When("""^it asks for a token with the scope "([^"]*)"$""")]
    public async Task AsksForToken(string scope)
    {
        _answer?.Dispose();
        _answer = await PartnerSystem.RequestTokenAsync(Http, DemoHub.PartnerClientId, DemoHub.PartnerClientSecret, scope);
    }

    [When("^it sends its token in the address instead of the header$")]
    public async Task TokenInTheAddress()
    {
        _answer?.Dispose();
        var path = PartnerSystem.AggregatesPath(await app.HubIdAsync(DemoHub.Slug)) + "?access_token=" + Uri.EscapeDataString(_token!);
        _answer = await PartnerSystem.GetAsync(Http, path, token: null);
    }

    [When("""^it asks for the aggregates of "([^"]*)"$""")]
    public async Task AsksForHub(string slug) => await AskAsync(await app.HubIdAsync(slug), department: null);

    [When("""^it asks for the aggregates of the department "([^"]*)"$""")]
    public async Task AsksForDepartment(string department) => await AskAsync(await app.HubIdAsync(DemoHub.Slug), department);

    [When("""^it asks for the department "([^"]*)" in the last published month$""")]
    public async Task AsksForDepartmentInLastMonth(string department)
    {
        var northwind = await app.HubIdAsync(DemoHub.Slug);
        await AskAsync(northwind, department: null);
        var month = Blocks(await AnswerAsync())[^1].GetProperty("period").GetString()!;
        context.Set("month", month);
        await AskAsync(northwind, department, month);
    }

    [When("^it asks for the month under way$")]
    public async Task AsksForTheMonthUnderWay()
    {
        var northwind = await app.HubIdAsync(DemoHub.Slug);
        var zone = await app.QueryAsync(db => db.Hubs.Where(h => h.Id == northwind).Select(h => h.TimeZoneId).SingleAsync());
        await AskAsync(northwind, department: null, ReportingPeriod.Containing(DateTimeOffset.UtcNow, ReportingPeriodLength.Month, zone).Key);
    }

    /// <summary>The months are those of the HR manager's period selector, which the step reads signed in as them.</summary>
    [Then("^the answer has one block per month HR can choose, each with the rules in force$")]
    public async Task OneBlockPerMonth()
    {
        var page = context.Get<IPage>(nameof(IPage));
        await page.SignInAsync(DemoHub.HrManager, DemoHub.Password);
        var months = await page.Locator("select#period option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)");
        var blocks = Blocks(await AnswerAsync());

        Assert.NotEmpty(blocks);
        Assert.Equal(months.Reverse(), blocks.Select(b => b.GetProperty("period").GetString()));
        Assert.All(blocks, b => Assert.Equal((5, 10), (b.GetProperty("rules").GetProperty("k").GetInt32(), b.GetProperty("rules").GetProperty("kDistribution").GetInt32())));
    }

    [Then("^every figure says its month and that it is about the whole hub$")]
    public async Task EveryFigureSaysItsMonth()
    {
        foreach (var block in Blocks(await AnswerAsync()))
        {
            Assert.All(Cells(block), c => Assert.Equal(
                (block.GetProperty("period").GetString(), "Whole hub", true),
                (c.GetProperty("period").GetString(), c.GetProperty("scope").GetString(), c.GetProperty("hubWide").GetBoolean())));
        }
    }

    /// <summary>Members enrolled at some time in the month, as the hub's records say.</summary>
    [Then("^the last month shows how many members were enrolled then$")]
    public async Task Enrolled()
    {
        var northwind = await app.HubIdAsync(DemoHub.Slug);
        var last = Blocks(await AnswerAsync())[^1];
        var key = last.GetProperty("period").GetString();
        var enrolled = await app.QueryAsync(async db =>
        {
            var month = await db.PeriodBlocks.SingleAsync(b => b.HubId == northwind && b.PeriodKey == key);
            return await db.Members.CountAsync(m => m.HubId == northwind && m.EnrolledAt < month.PeriodEnd && (m.DeactivatedAt == null || m.DeactivatedAt >= month.PeriodStart));
        });

        var cell = Cells(last).Single(c => c.GetProperty("metric").GetString() == Metrics.Enrolled);
        Assert.Equal(enrolled, cell.GetProperty("value").GetInt32());
    }

    [Then("""^the token endpoint refuses with "([^"]*)" and gives no token$""")]
    public async Task TokenRefused(string error)
    {
        using var json = JsonDocument.Parse(await Answer.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, Answer.StatusCode);
        Assert.Equal(error, json.RootElement.GetProperty("error").GetString());
        Assert.False(json.RootElement.TryGetProperty("access_token", out _));
        Assert.False(json.RootElement.TryGetProperty("id_token", out _));
    }

    [Then("^the answer is a (\\d+) problem$")]
    public async Task Problem(int status)
    {
        await PartnerSystem.ProblemAsync(Answer, (HttpStatusCode)status);
    }

    [Then("^some figures are shown and the others have neither value nor people$")]
    public async Task SomeShownOthersHidden()
    {
        var cells = Blocks(await AnswerAsync()).SelectMany(Cells).ToList();
        Assert.Contains(cells, IsHidden);
        Assert.Contains(cells, c => !IsHidden(c));
        Assert.All(cells, c => Assert.Equal(c.GetProperty("value").ValueKind == JsonValueKind.Null, c.GetProperty("people").ValueKind == JsonValueKind.Null));
    }

    [Then("^only the alliance mean is about the whole hub$")]
    public async Task OnlyTheAllianceMeanIsHubWide()
    {
        var cells = Blocks(await AnswerAsync()).SelectMany(Cells).ToList();
        Assert.Equal([Metrics.AllianceMean], cells.Where(c => c.GetProperty("hubWide").GetBoolean()).Select(c => c.GetProperty("metric").GetString()));
    }

    /// <summary>The page is read in the HR manager's signed-in browser, so it is exactly what HR gets.</summary>
    [Then("""^HR's page shows exactly these figures for "([^"]*)" in that month$""")]
    public async Task SameAsHrPage(string department)
    {
        var page = context.Get<IPage>(nameof(IPage));
        var northwind = await app.HubIdAsync(DemoHub.Slug);
        await page.GotoAsync($"/hubs/{northwind}/hr?period={context.Get<string>("month")}&department={Uri.EscapeDataString(department)}");
        var shown = await page.Locator(HrDashboardSteps.ChosenMonthFigures).AllInnerTextsAsync();

        var overApi = Cells(Assert.Single(Blocks(await AnswerAsync()))).Select(c => PartnerSystem.Shown(c) ?? string.Empty);
        Assert.Equal(shown.Select(HrDashboardSteps.AsExported), overApi);
    }

    [When("""^they register the partner system "([^"]*)" for "([^"]*)"$""")]
    public async Task Register(string name, string hub)
    {
        var page = context.Get<IPage>(nameof(IPage));
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Hub", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = hub });
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        await Chromium.SaveScreenshotAsync(page, "partner-registered");
    }

    public void Dispose()
    {
        _answer?.Dispose();
        _http?.Dispose();
    }

    private HttpResponseMessage Answer => _answer ?? throw new InvalidOperationException("An earlier step should have called the API.");

    private async Task TokenAsync(string? scope) =>
        _token = await PartnerSystem.TokenAsync(Http, DemoHub.PartnerClientId, DemoHub.PartnerClientSecret, scope);

    private async Task AskAsync(Guid hubId, string? department, string? period = null)
    {
        _answer?.Dispose();
        _answer = await PartnerSystem.GetAsync(Http, PartnerSystem.AggregatesPath(hubId, department, period), _token);
    }

    private Task<JsonElement> AnswerAsync() => PartnerSystem.JsonAsync(Answer);

    private static List<JsonElement> Blocks(JsonElement answer) => [.. answer.GetProperty("blocks").EnumerateArray()];

    private static List<JsonElement> Cells(JsonElement block) => [.. block.GetProperty("cells").EnumerateArray()];

    private static bool IsHidden(JsonElement cell) => cell.GetProperty("value").ValueKind == JsonValueKind.Null;
}
