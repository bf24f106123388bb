using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenIddict.Abstractions;
using Wellbeing.Application.PartnerClients;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Testing;
using static Wellbeing.Testing.PartnerSystem;

namespace Wellbeing.Web.FunctionalTests.Api;

/// <summary>
/// Tokens are checked by signature and by whether their client is still registered, which a node remembers for
/// <see cref="PartnerClient.RegistrationRecheck"/>. The node where an administrator removes a client refuses its tokens
/// at once (AggregatesApiTests); this is the bound for every other node, which learns it from the database.
/// </summary>
public sealed class PartnerRevocationTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly WellbeingAppFactory _factory;

    public PartnerRevocationTests() => _factory = new WellbeingAppFactory { Clock = _clock };

    [Fact]
    public async Task AClientRemovedOnAnotherNode_LosesItsTokensHere_WithinTheRecheck()
    {
        var (http, aggregates, token) = await TokenOfAClientRemovedOnAnotherNodeAsync();
        _clock.Advance(PartnerClient.RegistrationRecheck);

        await ProblemAsync(await GetAsync(http, aggregates, token), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task WithinTheRecheck_ANodeAnswersFromMemory_WithoutReadingTheClientAgain()
    {
        var (http, aggregates, token) = await TokenOfAClientRemovedOnAnotherNodeAsync();
        _clock.Advance(PartnerClient.RegistrationRecheck - TimeSpan.FromSeconds(1));

        await JsonAsync(await GetAsync(http, aggregates, token));
    }

    public void Dispose() => _factory.Dispose();

    /// <summary>
    /// A partner registered for Northwind that got a token and read its aggregates with it (so this node has seen the
    /// client), then was removed on another node.
    /// </summary>
    private async Task<(HttpClient Http, string Aggregates, string Token)> TokenOfAClientRemovedOnAnotherNodeAsync()
    {
        var http = _factory.CreateClient();
        var northwind = await _factory.HubIdAsync(DemoHub.Slug);
        var partner = await _factory.RegisterPartnerAsync(northwind);
        var token = await TokenAsync(http, partner);
        await JsonAsync(await GetAsync(http, AggregatesPath(northwind), token));

        await RemoveAsAnotherNodeWouldAsync(partner.ClientId);
        return (http, AggregatesPath(northwind), token);
    }

    /// <summary>Deletes the client in the shared database without telling this node, as a removal on another node does.</summary>
    private async Task RemoveAsAnotherNodeWouldAsync(string clientId)
    {
        using var scope = _factory.Services.CreateScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await applications.DeleteAsync((await applications.FindByClientIdAsync(clientId))!);
    }
}
