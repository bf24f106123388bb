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

    /// <summary>A partner system learns the shape from the document: blocks per period, cells with their period, scope and hubWide, each described.</summary>
    [Fact]
    public async Task Aggregates_DescribesBlocksOfCells_EveryPropertyAndParameterExplained()
    {
        var document = await DocumentAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var get = document.GetProperty("paths").GetProperty("/api/v1/hubs/{hubId}/aggregates").GetProperty("get");

        string Reference(JsonElement property) =>
            (property.TryGetProperty("items", out var items) ? items : property).GetProperty("$ref").GetString()!.Split('/')[^1];
        var hub = schemas.GetProperty("HubAggregates");
        var block = schemas.GetProperty(Reference(hub.GetProperty("properties").GetProperty("blocks")));
        var cell = schemas.GetProperty(Reference(block.GetProperty("properties").GetProperty("cells")));

        Assert.Equal(["period", "start", "end", "publishedAt", "rules", "cells"], block.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["metric", "period", "scope", "hubWide", "category", "value", "people"], cell.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Equal("CellResource", Reference(hub.GetProperty("properties").GetProperty("allTimeMean")));
        foreach (var schema in new[] { hub, block, cell })
        {
            Assert.All(schema.GetProperty("properties").EnumerateObject(), p => Assert.False(
                string.IsNullOrWhiteSpace(p.Value.TryGetProperty("description", out var d) ? d.GetString() : null),
                $"{p.Name} is not described"));
        }

        Assert.Equal(["department", "period"], get.GetProperty("parameters").EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()));
        Assert.All(get.GetProperty("parameters").EnumerateArray(), p => Assert.False(string.IsNullOrWhiteSpace(p.TryGetProperty("description", out var d) ? d.GetString() : null), $"{p.GetProperty("name")} is not described"));
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

    /// <summary>Only one department is accepted, so one string is documented; numbers are written as JSON numbers only.</summary>
    [Fact]
    public async Task Department_IsOneString_AndEveryNumberIsTypedAsANumberOnly()
    {
        var document = await DocumentAsync();
        var get = document.GetProperty("paths").GetProperty("/api/v1/hubs/{hubId}/aggregates").GetProperty("get");

        var department = Assert.Single(get.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "department");
        Assert.Equal("string", department.GetProperty("schema").GetProperty("type").GetString());
        var numbers = Types(document.GetProperty("components")).Where(t => t.Contains("number") || t.Contains("integer")).ToList();
        Assert.NotEmpty(numbers);
        Assert.All(numbers, t => Assert.DoesNotContain("string", t));
    }

    [Fact]
    public async Task Servers_HaveNoTrailingSlash_AndTheLicenceAndEveryTagAreDescribed()
    {
        var document = await DocumentAsync();

        Assert.All(document.GetProperty("servers").EnumerateArray(), s => Assert.False(s.GetProperty("url").GetString()!.EndsWith('/'), s.GetRawText()));
        Assert.False(string.IsNullOrWhiteSpace(document.GetProperty("info").GetProperty("license").GetProperty("name").GetString()));
        Assert.All(document.GetProperty("tags").EnumerateArray(), t => Assert.False(string.IsNullOrWhiteSpace(t.GetProperty("description").GetString()), t.GetRawText()));
    }

    /// <summary>
    /// Every schema "type" in the element, as the list of its types (OpenAPI 3.1 allows one or several); a property
    /// named "type" (problem details have one) holds a schema, not a type, and is searched like any other.
    /// </summary>
    private static IEnumerable<IReadOnlyList<string?>> Types(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => p is { Name: "type", Value.ValueKind: JsonValueKind.String or JsonValueKind.Array }
            ? [p.Value.ValueKind == JsonValueKind.Array ? [.. p.Value.EnumerateArray().Select(t => t.GetString())] : [p.Value.GetString()]]
            : Types(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Types),
        _ => [],
    };

    private async Task<JsonElement> DocumentAsync()
    {
        var response = await app.Factory.CreateClient().GetAsync("/openapi/v1.json");
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
