using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Wellbeing.Application.PartnerClients;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Api;

/// <summary>The served OpenAPI document against the routes the app really has, so it cannot fall behind them.</summary>
public sealed class OpenApiDocumentTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Document_ListsEveryApiRoute_AndNothingElse()
    {
        var document = await DocumentAsync();
        var routes = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => p.StartsWith("/api/", StringComparison.Ordinal))
            .Select(p => System.Text.RegularExpressions.Regex.Replace(p, ":[a-z]+}", "}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();

        Assert.Contains("/api/v1/hubs/{hubId}/aggregates", paths);
        Assert.Equal(routes, paths);
    }

    [Fact]
    public async Task Aggregates_NeedsItsScope_AndAnswersErrorsAsProblemDetails()
    {
        var document = await DocumentAsync();
        var get = document.GetProperty("paths").GetProperty("/api/v1/hubs/{hubId}/aggregates").GetProperty("get");

        var requirement = Assert.Single(get.GetProperty("security").EnumerateArray());
        Assert.Equal([PartnerScopes.AggregatesRead], requirement.GetProperty("partnerOAuth").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("HubAggregates", get.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()!.Split('/')[^1]);
        foreach (var status in new[] { "400", "401", "403", "404" })
        {
            var content = get.GetProperty("responses").GetProperty(status).GetProperty("content");
            Assert.Equal(["application/problem+json"], content.EnumerateObject().Select(c => c.Name));
        }
    }

    [Fact]
    public async Task SecurityScheme_IsClientCredentialsAtTheTokenEndpoint_WithEveryScope()
    {
        var document = await DocumentAsync();

        var flow = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("partnerOAuth").GetProperty("flows");

        Assert.Equal(["clientCredentials"], flow.EnumerateObject().Select(f => f.Name));
        Assert.Equal("/connect/token", flow.GetProperty("clientCredentials").GetProperty("tokenUrl").GetString());
        Assert.Equal(PartnerScopes.Names, flow.GetProperty("clientCredentials").GetProperty("scopes").EnumerateObject().Select(s => s.Name));
    }

    private async Task<JsonElement> DocumentAsync()
    {
        var response = await app.Factory.CreateClient().GetAsync("/openapi/v1.json");
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
