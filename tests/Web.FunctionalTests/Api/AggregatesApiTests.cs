using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;
using static Wellbeing.Testing.PartnerSystem;

namespace Wellbeing.Web.FunctionalTests.Api;

/// <summary>
/// GET /api/v1/hubs/{hubId}/aggregates as a partner system calls it: a token from /connect/token with client
/// credentials, then the call. Refusals are problem details and never tell another hub's existence.
/// </summary>
public sealed class AggregatesApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    private HttpClient Http { get; } = app.Factory.CreateClient();

    [Fact]
    public async Task DemoPartner_ReadsNorthwindsPublishedAggregates_WithTheRulesInForce()
    {
        var northwind = await app.Factory.HubIdAsync(DemoHub.Slug);
        var enrolled = await app.Factory.QueryAsync(db => db.Members.CountAsync(m => m.HubId == northwind && m.DeactivatedAt == null));
        var token = await TokenAsync(Http, DemoHub.PartnerClientId, DemoHub.PartnerClientSecret);

        var json = await JsonAsync(await GetAsync(Http, AggregatesPath(northwind), token));

        Assert.Equal(northwind, json.GetProperty("hubId").GetGuid());
        Assert.True(json.GetProperty("asOf").TryGetDateTimeOffset(out _));
        Assert.Equal(5, json.GetProperty("rules").GetProperty("k").GetInt32());
        Assert.Equal(10, json.GetProperty("rules").GetProperty("kDistribution").GetInt32());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("department").ValueKind);
        var cell = Cell(json, "participation.enrolled");
        Assert.Equal(enrolled, cell.GetProperty("value").GetDecimal());
        Assert.Equal(enrolled, cell.GetProperty("people").GetInt32());
    }

    [Fact]
    public async Task WrongSecret_IsInvalidClient()
    {
        var response = await RequestTokenAsync(Http, DemoHub.PartnerClientId, "not-the-secret");

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", json.RootElement.GetProperty("error").GetString());
        Assert.False(json.RootElement.TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task OnlyTheClientCredentialsGrant_IsAccepted()
    {
        var response = await Http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["username"] = DemoHub.HrManager,
            ["password"] = DemoHub.Password,
            ["client_id"] = DemoHub.PartnerClientId,
            ["client_secret"] = DemoHub.PartnerClientSecret,
        }));

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unsupported_grant_type", json.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task AScopeTheClientDoesNotHold_IsRefusedAtTheTokenEndpoint()
    {
        var response = await RequestTokenAsync(Http, DemoHub.PartnerClientId, DemoHub.PartnerClientSecret, "members:write");

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_scope", json.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task TokenOfAnotherHub_GetsTheSameNotFound_AsForAHubThatDoesNotExist()
    {
        var northwind = await app.Factory.HubIdAsync(DemoHub.Slug);
        var fabrikam = await app.Factory.RegisterPartnerAsync(await app.Factory.HubIdAsync("fabrikam"));
        var token = await TokenAsync(Http, fabrikam);

        var other = await ProblemAsync(await GetAsync(Http, AggregatesPath(northwind), token), HttpStatusCode.NotFound);
        var missing = await ProblemAsync(await GetAsync(Http, AggregatesPath(Guid.NewGuid()), token), HttpStatusCode.NotFound);

        Assert.Equal(WithoutTrace(other), WithoutTrace(missing));
        Assert.DoesNotContain("Northwind", other.GetRawText());
    }

    [Fact]
    public async Task Anonymous_GetsUnauthorizedProblem_WithABearerChallenge()
    {
        var northwind = await app.Factory.HubIdAsync(DemoHub.Slug);

        var response = await GetAsync(Http, AggregatesPath(northwind), token: null);

        await ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task AForgedToken_GetsUnauthorizedProblem()
    {
        var northwind = await app.Factory.HubIdAsync(DemoHub.Slug);

        var response = await GetAsync(Http, AggregatesPath(northwind), "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");

        await ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task TokenWithoutTheScope_GetsForbiddenProblem()
    {
        var northwind = await app.Factory.HubIdAsync(DemoHub.Slug);
        var token = await TokenAsync(Http, DemoHub.PartnerClientId, DemoHub.PartnerClientSecret, scope: null);

        var problem = await ProblemAsync(await GetAsync(Http, AggregatesPath(northwind), token), HttpStatusCode.Forbidden);

        Assert.False(problem.TryGetProperty("cells", out _));
    }

    [Fact]
    public async Task HrManagersCookie_DoesNotOpenTheApi()
    {
        var northwind = await app.Factory.HubIdAsync(DemoHub.Slug);
        var hr = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.HrManager);

        var response = await hr.Http.GetAsync(AggregatesPath(northwind));

        await ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/api/v1/hubs/not-a-hub/aggregates")]
    [InlineData("/api/v1/hubs/00000000-0000-0000-0000-00000000000g/aggregates")]
    [InlineData("/api/v1/hubs//aggregates")]
    [InlineData("/api/v2/hubs/4c2bd4b6-8d07-4bd6-a6a4-2f5b0c1d5e11/aggregates")]
    public async Task AMalformedAddress_IsANotFoundProblem(string path)
    {
        var token = await TokenAsync(Http, DemoHub.PartnerClientId, DemoHub.PartnerClientSecret);

        await ProblemAsync(await GetAsync(Http, path, token), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TwoDepartmentsAtOnce_IsABadRequestProblem()
    {
        var northwind = await app.Factory.HubIdAsync(DemoHub.Slug);
        var token = await TokenAsync(Http, DemoHub.PartnerClientId, DemoHub.PartnerClientSecret);

        var problem = await ProblemAsync(await GetAsync(Http, AggregatesPath(northwind) + "?department=Sales&department=Finance", token), HttpStatusCode.BadRequest);

        Assert.Equal("Choose one department at a time.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task BeforeTheFirstSnapshot_TheOwnHubAnswersEmpty()
    {
        var scenario = await HubScenario.CreateAsync(app.Factory, "Unpublished");
        await scenario.AddMembersAsync("Sales", 3, 60);
        var partner = await app.Factory.RegisterPartnerAsync(scenario.HubId);

        var json = await JsonAsync(await GetAsync(Http, AggregatesPath(scenario.HubId), await TokenAsync(Http, partner)));

        Assert.Equal(JsonValueKind.Null, json.GetProperty("asOf").ValueKind);
        Assert.Empty(json.GetProperty("cells").EnumerateArray());
        Assert.Equal(5, json.GetProperty("rules").GetProperty("k").GetInt32());
    }

    [Fact]
    public async Task ASmallDepartment_ReadsExactlyLikeAnEmptyOrUnknownOne_EveryCellListedAndNull()
    {
        var scenario = await HubScenario.WithASmallAndAnEmptyDepartmentAsync(app.Factory, "Api-small");
        var token = await TokenAsync(Http, await app.Factory.RegisterPartnerAsync(scenario.HubId));

        var cells = new Dictionary<string, string>();
        foreach (var department in new[] { "Legal", "Empty", "Nobody" })
        {
            var json = await JsonAsync(await GetAsync(Http, AggregatesPath(scenario.HubId, department), token));
            Assert.Equal(department, json.GetProperty("department").GetString());
            var list = json.GetProperty("cells").EnumerateArray().ToList();
            Assert.NotEmpty(list);
            Assert.All(list, c => Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (c.GetProperty("value").ValueKind, c.GetProperty("people").ValueKind)));
            cells[department] = json.GetProperty("cells").GetRawText();
        }

        Assert.Equal(cells["Legal"], cells["Empty"]);
        Assert.Equal(cells["Legal"], cells["Nobody"]);
    }

    [Fact]
    public async Task ADepartmentsCells_AreItsOwn_ExceptTheAllianceMean_WhichIsMarkedHubWide()
    {
        var scenario = await HubScenario.CreateAsync(app.Factory, "Api-hub-wide");
        await scenario.AddMembersAsync("Sales", 12, 60, 80);
        await scenario.AddMembersAsync("Ops", 11, 40);
        await scenario.RefreshAsync();
        var token = await TokenAsync(Http, await app.Factory.RegisterPartnerAsync(scenario.HubId));

        var hub = await JsonAsync(await GetAsync(Http, AggregatesPath(scenario.HubId), token));
        var sales = await JsonAsync(await GetAsync(Http, AggregatesPath(scenario.HubId, "Sales"), token));

        Assert.All(hub.GetProperty("cells").EnumerateArray(), c => Assert.True(c.GetProperty("hubWide").GetBoolean()));
        var hubWideInSales = sales.GetProperty("cells").EnumerateArray().Where(c => c.GetProperty("hubWide").GetBoolean()).Select(c => c.GetProperty("metric").GetString());
        Assert.Equal(["alliance.mean"], hubWideInSales);
        Assert.Equal(Cell(hub, "alliance.mean").GetRawText(), Cell(sales, "alliance.mean").GetRawText());
        Assert.NotEqual(Cell(hub, "participation.enrolled").GetRawText(), Cell(sales, "participation.enrolled").GetRawText());
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("Sales", true)]
    [InlineData("Legal", false)]
    public async Task TheApi_HoldsExactlyTheFiguresOfTheHrExport_HiddenOnesNull(string? department, bool anyShown)
    {
        var scenario = await HubScenario.CreateAsync(app.Factory, "Api-export");
        await scenario.AddMembersAsync("Sales", 12, 60, 80);
        await scenario.AddMembersAsync("Ops", 11, 40);
        await scenario.AddMembersAsync("Legal", 3, 20);
        await scenario.RefreshAsync();
        var hr = await scenario.SignInAsync();
        var token = await TokenAsync(Http, await app.Factory.RegisterPartnerAsync(scenario.HubId));

        var csv = await hr.Http.GetStringAsync($"/hubs/{scenario.HubId}/hr/export.csv" + (department is null ? string.Empty : $"?department={department}"));
        var json = await JsonAsync(await GetAsync(Http, AggregatesPath(scenario.HubId, department), token));

        var exported = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l[(l.LastIndexOf(',') + 1)..]).ToList();
        var api = json.GetProperty("cells").EnumerateArray().SelectMany(PartnerSystem.ExportValues).ToList();
        Assert.Equal(exported, api);
        Assert.Contains(string.Empty, api);
        Assert.Equal(anyShown, api.Any(v => v.Length > 0));
    }

    [Fact]
    public async Task ARevokedClient_LosesItsTokenAtOnce_AndGetsNoNewOne()
    {
        var northwind = await app.Factory.HubIdAsync(DemoHub.Slug);
        var partner = await app.Factory.RegisterPartnerAsync(northwind);
        var token = await TokenAsync(Http, partner);
        await JsonAsync(await GetAsync(Http, AggregatesPath(northwind), token));

        await app.Factory.RemovePartnerAsync(partner.ClientId);

        await ProblemAsync(await GetAsync(Http, AggregatesPath(northwind), token), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RequestTokenAsync(Http, partner.ClientId, partner.ClientSecret)).StatusCode);
    }

    private static JsonElement Cell(JsonElement aggregates, string metric, string? period = null, string? category = null) =>
        aggregates.GetProperty("cells").EnumerateArray().Single(c =>
            c.GetProperty("metric").GetString() == metric
            && c.GetProperty("period").GetString() == period
            && c.GetProperty("category").GetString() == category);

    private static string WithoutTrace(JsonElement problem) =>
        JsonSerializer.Serialize(problem.EnumerateObject().Where(p => p.Name != "traceId").ToDictionary(p => p.Name, p => p.Value.ToString()));
}
