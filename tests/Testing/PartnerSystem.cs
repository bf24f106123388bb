using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Wellbeing.Application.PartnerClients;
using Wellbeing.Application.PartnerClients.Commands.RegisterPartnerClient;
using Wellbeing.Application.PartnerClients.Commands.RemovePartnerClient;
using Xunit;

namespace Wellbeing.Testing;

/// <summary>What a partner system does over HTTP: ask the token endpoint with its credentials, then call the API.</summary>
public static class PartnerSystem
{
    /// <summary>Registers a partner client of the hub through the administrators' own use case.</summary>
    public static async Task<RegisteredPartnerClientDto> RegisterPartnerAsync(this WellbeingAppFactory factory, Guid hubId, params string[] scopes)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RegisterPartnerClientHandler>()
            .Handle(new RegisterPartnerClientCommand(Guid.NewGuid(), "Test partner", hubId, scopes.Length == 0 ? PartnerScopes.Names : scopes), CancellationToken.None);
    }

    public static async Task RemovePartnerAsync(this WellbeingAppFactory factory, string clientId)
    {
        using var scope = factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<RemovePartnerClientHandler>().Handle(new RemovePartnerClientCommand(clientId), CancellationToken.None);
    }

    public static async Task<HttpResponseMessage> RequestTokenAsync(HttpClient http, string clientId, string secret, string? scope = PartnerScopes.AggregatesRead)
    {
        var fields = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret };
        if (scope is not null)
        {
            fields["scope"] = scope;
        }

        return await http.PostAsync("/connect/token", new FormUrlEncodedContent(fields));
    }

    public static async Task<string> TokenAsync(HttpClient http, string clientId, string secret, string? scope = PartnerScopes.AggregatesRead)
    {
        var response = await RequestTokenAsync(http, clientId, secret, scope);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    public static async Task<string> TokenAsync(HttpClient http, RegisteredPartnerClientDto client, string? scope = PartnerScopes.AggregatesRead) =>
        await TokenAsync(http, client.ClientId, client.ClientSecret, scope);

    public static async Task<HttpResponseMessage> GetAsync(HttpClient http, string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await http.SendAsync(request);
    }

    /// <summary>The aggregates of a hub, of one department and one period when given ("2026-05").</summary>
    public static string AggregatesPath(Guid hubId, string? department = null, string? period = null)
    {
        var query = new[] { ("department", department), ("period", period) }
            .Where(p => p.Item2 is not null)
            .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}")
            .ToList();
        return $"/api/v1/hubs/{hubId}/aggregates" + (query.Count == 0 ? string.Empty : "?" + string.Join('&', query));
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>A cell's value as the HR page and export write it ("0.##"), or null when it is hidden.</summary>
    public static string? Shown(JsonElement cell) =>
        cell.GetProperty("value").ValueKind == JsonValueKind.Null ? null : cell.GetProperty("value").GetDecimal().ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>An RFC 9457 answer with the expected status, its body parsed.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
