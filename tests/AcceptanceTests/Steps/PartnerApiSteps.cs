using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Wellbeing.AcceptanceTests.Runner;
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

    [When("""^it asks for the aggregates of "([^"]*)"$""")]
    public async Task AsksForHub(string slug) => await AskAsync(await app.HubIdAsync(slug), department: null);

    [When("""^it asks for the aggregates of the department "([^"]*)"$""")]
    public async Task AsksForDepartment(string department) => await AskAsync(await app.HubIdAsync(DemoHub.Slug), department);

    [Then("^the answer says when the figures were published and the rules in force$")]
    public async Task AsOfAndRules()
    {
        var json = await AnswerAsync();
        Assert.True(json.GetProperty("asOf").TryGetDateTimeOffset(out _));
        Assert.Equal(5, json.GetProperty("rules").GetProperty("k").GetInt32());
        Assert.Equal(10, json.GetProperty("rules").GetProperty("kDistribution").GetInt32());
    }

    [Then("^the answer shows how many members are enrolled$")]
    public async Task Enrolled()
    {
        var northwind = await app.HubIdAsync(DemoHub.Slug);
        var enrolled = await app.QueryAsync(db => db.Members.CountAsync(m => m.HubId == northwind && m.DeactivatedAt == null));
        var cell = Cells(await AnswerAsync()).Single(c => c.GetProperty("metric").GetString() == "participation.enrolled");
        Assert.Equal(enrolled, cell.GetProperty("value").GetInt32());
    }

    [Then("^the answer is a (\\d+) problem$")]
    public async Task Problem(int status)
    {
        await PartnerSystem.ProblemAsync(Answer, (HttpStatusCode)status);
    }

    [Then("^some figures are shown and the others have neither value nor people$")]
    public async Task SomeShownOthersHidden()
    {
        var cells = Cells(await AnswerAsync());
        Assert.Contains(cells, IsHidden);
        Assert.Contains(cells, c => !IsHidden(c));
        Assert.All(cells, c => Assert.Equal(c.GetProperty("value").ValueKind == JsonValueKind.Null, c.GetProperty("people").ValueKind == JsonValueKind.Null));
    }

    [Then("^every figure of the department has neither value nor people$")]
    public async Task AllHidden()
    {
        // The alliance mean is the whole hub's in every view, as on the HR page, and says so.
        var cells = Cells(await AnswerAsync()).Where(c => !c.GetProperty("hubWide").GetBoolean()).ToList();
        Assert.NotEmpty(cells);
        Assert.All(cells, c => Assert.True(IsHidden(c)));
    }

    /// <summary>The export is downloaded in the HR manager's signed-in browser, so it is exactly what HR gets.</summary>
    [Then("""^the figures hidden over the API are exactly those the HR export of "([^"]*)" leaves empty$""")]
    public async Task SameAsExport(string department)
    {
        var page = context.Get<IPage>(nameof(IPage));
        var northwind = await app.HubIdAsync(DemoHub.Slug);
        var export = await page.APIRequest.GetAsync($"/hubs/{northwind}/hr/export.csv?department={Uri.EscapeDataString(department)}");
        var lines = (await export.TextAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1);
        var exported = lines.Select(l => l[(l.LastIndexOf(',') + 1)..]).ToList();
        var overApi = Cells(await AnswerAsync()).SelectMany(PartnerSystem.ExportValues).ToList();
        Assert.Equal(exported, overApi);
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

    private async Task AskAsync(Guid hubId, string? department)
    {
        _answer?.Dispose();
        _answer = await PartnerSystem.GetAsync(Http, PartnerSystem.AggregatesPath(hubId, department), _token);
    }

    private Task<JsonElement> AnswerAsync() => PartnerSystem.JsonAsync(Answer);

    private static List<JsonElement> Cells(JsonElement answer) => [.. answer.GetProperty("cells").EnumerateArray()];

    private static bool IsHidden(JsonElement cell) => cell.GetProperty("value").ValueKind == JsonValueKind.Null;
}
