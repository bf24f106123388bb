using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wellbeing.Application.PartnerClients;
using Wellbeing.Application.Hr;
using Wellbeing.Domain.Statistics;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using Wellbeing.Web.Forms;
using Wellbeing.Web.FunctionalTests.Support;
using static Wellbeing.Testing.PartnerSystem;
using static Wellbeing.Web.FunctionalTests.Support.HrReading;

namespace Wellbeing.Web.FunctionalTests.Api;

/// <summary>
/// GET /api/v1/hubs/{hubId}/aggregates as a partner system calls it: a token from /connect/token with client
/// credentials, then the call. The answer is the hub's published blocks, one per closed period, with the HR page's
/// cells; refusals are problem details and never tell another hub's existence.
/// </summary>
public sealed class AggregatesApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    private HttpClient Http { get; } = app.Factory.CreateClient();

    [Fact]
    public async Task DemoPartner_ReadsEveryPublishedMonth_EachBlockWithItsPeriodRulesAndCells()
    {
        var northwind = await app.Factory.HubIdAsync(DemoHub.Slug);
        var published = await app.Factory.QueryAsync(db => db.PeriodBlocks.Where(b => b.HubId == northwind).OrderBy(b => b.PeriodStart).ToListAsync());
        var token = await TokenAsync(Http, DemoHub.PartnerClientId, DemoHub.PartnerClientSecret);

        var json = await JsonAsync(await GetAsync(Http, AggregatesPath(northwind), token));

        Assert.Equal(northwind, json.GetProperty("hubId").GetGuid());
        Assert.Equal("Month", json.GetProperty("periodLength").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("department").ValueKind);
        Assert.Equal(published.Select(b => b.PeriodKey), Blocks(json).Select(b => b.GetProperty("period").GetString()));
        foreach (var block in Blocks(json))
        {
            var period = block.GetProperty("period").GetString();
            Assert.Equal((5, 10), (block.GetProperty("rules").GetProperty("k").GetInt32(), block.GetProperty("rules").GetProperty("kDistribution").GetInt32()));
            Assert.True(block.GetProperty("publishedAt").TryGetDateTimeOffset(out _));
            Assert.True(DateOnly.Parse(block.GetProperty("start").GetString()!, CultureInfo.InvariantCulture) < DateOnly.Parse(block.GetProperty("end").GetString()!, CultureInfo.InvariantCulture));
            Assert.All(Cells(block), c => Assert.Equal((period, "Whole hub", true), (c.GetProperty("period").GetString(), c.GetProperty("scope").GetString(), c.GetProperty("hubWide").GetBoolean())));
            Assert.All(Cells(block), c => Assert.Equal(c.GetProperty("value").ValueKind == JsonValueKind.Null, c.GetProperty("people").ValueKind == JsonValueKind.Null));
        }

        var latest = published[^1];
        var enrolled = await app.Factory.QueryAsync(db => db.Members.CountAsync(m =>
            m.HubId == northwind && m.EnrolledAt < latest.PeriodEnd && (m.DeactivatedAt == null || m.DeactivatedAt >= latest.PeriodStart)));
        Assert.Equal(enrolled, Cell(Blocks(json)[^1], Metrics.Enrolled).GetProperty("value").GetInt32());
        Assert.Equal(PublishedFigures.AllPublishedPeriods, json.GetProperty("allTimeMean").GetProperty("period").GetString());
    }

    [Fact]
    public async Task ADepartmentsCells_AreItsOwn_ExceptTheAllianceMean_WhichIsMarkedHubWide()
    {
        var northwind = await app.Factory.HubIdAsync(DemoHub.Slug);
        var token = await TokenAsync(Http, DemoHub.PartnerClientId, DemoHub.PartnerClientSecret);

        var hub = await JsonAsync(await GetAsync(Http, AggregatesPath(northwind), token));
        var sales = await JsonAsync(await GetAsync(Http, AggregatesPath(northwind, "Sales"), token));

        Assert.Equal("Sales", sales.GetProperty("department").GetString());
        Assert.Contains("Sales", sales.GetProperty("departments").EnumerateArray().Select(d => d.GetString()));
        foreach (var (hubBlock, salesBlock) in Blocks(hub).Zip(Blocks(sales)))
        {
            Assert.Equal([Metrics.AllianceMean], Cells(salesBlock).Where(c => c.GetProperty("hubWide").GetBoolean()).Select(c => c.GetProperty("metric").GetString()));
            Assert.All(Cells(salesBlock).Where(c => !c.GetProperty("hubWide").GetBoolean()), c => Assert.Equal("Sales", c.GetProperty("scope").GetString()));
            Assert.Equal(Cell(hubBlock, Metrics.AllianceMean).GetRawText(), Cell(salesBlock, Metrics.AllianceMean).GetRawText());
        }
    }

    [Fact]
    public async Task APeriod_NarrowsTheAnswerToItsBlock()
    {
        var northwind = await app.Factory.HubIdAsync(DemoHub.Slug);
        var token = await TokenAsync(Http, DemoHub.PartnerClientId, DemoHub.PartnerClientSecret);
        var every = await JsonAsync(await GetAsync(Http, AggregatesPath(northwind, "Finance"), token));
        var period = Blocks(every)[0].GetProperty("period").GetString()!;

        var one = await JsonAsync(await GetAsync(Http, AggregatesPath(northwind, "Finance", period), token));

        Assert.Equal(Blocks(every)[0].GetRawText(), Assert.Single(Blocks(one)).GetRawText());
        Assert.Equal(every.GetProperty("allTimeMean").GetRawText(), one.GetProperty("allTimeMean").GetRawText());
    }

    [Theory]
    [InlineData("2031-01", null)]
    [InlineData("not-a-period", null)]
    [InlineData(null, "Nobody")]
    [InlineData(null, "<em>Sales</em>")]
    public async Task APeriodOrDepartmentWithNoPublishedBlock_IsANotFoundProblem_ThatDoesNotEchoIt(string? period, string? department)
    {
        var northwind = await app.Factory.HubIdAsync(DemoHub.Slug);
        var token = await TokenAsync(Http, DemoHub.PartnerClientId, DemoHub.PartnerClientSecret);

        var problem = await ProblemAsync(await GetAsync(Http, AggregatesPath(northwind, department, period), token), HttpStatusCode.NotFound);

        Assert.DoesNotContain((period ?? department)!, problem.GetRawText());
    }

    [Fact]
    public async Task TheMonthUnderWay_IsNotFound_UntilItHasClosed()
    {
        var scenario = await HubScenario.CreateAsync(app.Factory, "Api-open");
        var people = await scenario.AddMembersAsync("Sales", 12, i => [i % 2 == 0 ? 40 : 80]);
        foreach (var id in people)
        {
            await scenario.SubmitAsync(id, 60);
        }

        await scenario.PublishAsync();
        var token = await TokenAsync(Http, await app.Factory.RegisterPartnerAsync(scenario.HubId));

        var every = await JsonAsync(await GetAsync(Http, AggregatesPath(scenario.HubId), token));

        Assert.Equal(scenario.ClosedMonths.Select(m => m.Key), Blocks(every).Select(b => b.GetProperty("period").GetString()));
        await ProblemAsync(await GetAsync(Http, AggregatesPath(scenario.HubId, period: scenario.OpenMonth.Key), token), HttpStatusCode.NotFound);
    }

    /// <summary>The partner system and the HR manager read the same cells for the same scope and period.</summary>
    [Theory]
    [InlineData(null)]
    [InlineData("Sales")]
    [InlineData("Engineering")]
    public async Task TheApi_HoldsExactlyTheCellsOfTheHrPage_ForEveryPeriod(string? department)
    {
        var northwind = await app.Factory.HubIdAsync(DemoHub.Slug);
        var token = await TokenAsync(Http, DemoHub.PartnerClientId, DemoHub.PartnerClientSecret);
        var hr = await BrowserlessClient.SignedInAsync(app.Factory, DemoHub.HrManager);
        var answer = await JsonAsync(await GetAsync(Http, AggregatesPath(northwind, department), token));

        foreach (var block in Blocks(answer))
        {
            var page = await hr.PageAsync(PagePath(northwind, block.GetProperty("period").GetString(), department));
            Assert.Equal(SelectedFigures(page), Cells(block).Select(Shown));
        }

        Assert.Contains(Blocks(answer).SelectMany(Cells), c => Shown(c) is not null);
        var hub = await hr.PageAsync(PagePath(northwind, department: department));
        Assert.Equal(AllTimeMean(hub), Shown(answer.GetProperty("allTimeMean")));
    }

    [Fact]
    public async Task BeforeTheFirstPublication_TheOwnHubAnswersWithNoBlock()
    {
        var scenario = await HubScenario.CreateAsync(app.Factory, "Unpublished");
        await scenario.AddMembersAsync("Sales", 6, 60);
        var token = await TokenAsync(Http, await app.Factory.RegisterPartnerAsync(scenario.HubId));

        var json = await JsonAsync(await GetAsync(Http, AggregatesPath(scenario.HubId), token));

        Assert.Empty(Blocks(json));
        Assert.Empty(json.GetProperty("departments").EnumerateArray());
        Assert.Null(Shown(json.GetProperty("allTimeMean")));
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
        var otherPeriod = await ProblemAsync(await GetAsync(Http, AggregatesPath(northwind, "Sales", "2026-01"), token), HttpStatusCode.NotFound);
        var missing = await ProblemAsync(await GetAsync(Http, AggregatesPath(Guid.NewGuid()), token), HttpStatusCode.NotFound);

        Assert.Equal(WithoutTrace(other), WithoutTrace(missing));
        Assert.Equal(WithoutTrace(otherPeriod), WithoutTrace(missing));
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

        var response = await GetAsync(Http, AggregatesPath(northwind), token);

        var problem = await ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.False(problem.TryGetProperty("blocks", out _));
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("error=\"insufficient_scope\"", challenge.Parameter);
        Assert.Contains($"scope=\"{PartnerScopes.AggregatesRead}\"", challenge.Parameter);
    }

    /// <summary>RFC 6750 §5.3: a token in the URL ends up in logs and browser histories, so only the header counts.</summary>
    [Fact]
    public async Task ATokenInTheQueryString_IsRefused_ThoughTheSameTokenWorksInTheHeader()
    {
        var northwind = await app.Factory.HubIdAsync(DemoHub.Slug);
        var token = await TokenAsync(Http, DemoHub.PartnerClientId, DemoHub.PartnerClientSecret);

        var response = await GetAsync(Http, AggregatesPath(northwind) + "?access_token=" + Uri.EscapeDataString(token), token: null);

        await ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).ToString());
        await JsonAsync(await GetAsync(Http, AggregatesPath(northwind), token));
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

    /// <summary>Binding would keep the first value and drop the rest; the answer would then not be what was asked.</summary>
    [Theory]
    [InlineData("department=Sales&department=Finance", "department")]
    [InlineData("department=Sales&department=Sales", "department")]
    [InlineData("period=2026-01&period=2026-02", "period")]
    public async Task AQueryParameterGivenTwice_IsABadRequestProblem_NamingIt(string query, string parameter)
    {
        var northwind = await app.Factory.HubIdAsync(DemoHub.Slug);
        var token = await TokenAsync(Http, DemoHub.PartnerClientId, DemoHub.PartnerClientSecret);

        var problem = await ProblemAsync(await GetAsync(Http, AggregatesPath(northwind) + "?" + query, token), HttpStatusCode.BadRequest);

        Assert.Equal(SingleValueBinderProvider.QueryMessage(parameter), Assert.Single(problem.GetProperty("errors").GetProperty(parameter).EnumerateArray()).GetString());
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

    private static string WithoutTrace(JsonElement problem) =>
        JsonSerializer.Serialize(problem.EnumerateObject().Where(p => p.Name != "traceId").ToDictionary(p => p.Name, p => p.Value.ToString()));
}
