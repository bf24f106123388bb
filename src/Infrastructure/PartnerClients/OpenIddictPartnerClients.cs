using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using Wellbeing.Application.PartnerClients;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Wellbeing.Infrastructure.PartnerClients;

/// <summary>
/// Partner clients are OpenIddict applications: the OAuth server authenticates them and hashes their secrets. The hub
/// is kept in the application's properties, so one record says who the client is and where it belongs.
/// </summary>
internal sealed class OpenIddictPartnerClients(IOpenIddictApplicationManager applications, PartnerClientRegistrations registrations) : IPartnerClients
{
    private const string HubProperty = "wellbeing_hub";

    public async Task<IReadOnlyList<PartnerClient>> ListAsync(CancellationToken cancellationToken)
    {
        var clients = new List<PartnerClient>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken))
        {
            if (await ReadAsync(application, cancellationToken) is { } client)
            {
                clients.Add(client);
            }
        }

        return clients;
    }

    public async Task<PartnerClient?> FindAsync(string clientId, CancellationToken cancellationToken) =>
        await applications.FindByClientIdAsync(clientId, cancellationToken) is { } application
            ? await ReadAsync(application, cancellationToken)
            : null;

    public async Task<bool> AddAsync(PartnerClient client, string secret, CancellationToken cancellationToken)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = client.DisplayName,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
            Properties = { [HubProperty] = JsonSerializer.SerializeToElement(client.HubId) },
        };
        foreach (var scope in client.Scopes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        try
        {
            await applications.CreateAsync(descriptor, cancellationToken);
            registrations.Added(client.ClientId);
            return true;
        }
        catch (Exception exception) when (exception is OpenIddictExceptions.ValidationException or DbUpdateException)
        {
            // OpenIddict refuses a client id in use; one created between its check and the insert trips the unique index.
            // Asked through the store, not FindByClientIdAsync, whose cache may still remember that the id was free.
            var stored = applications.ListAsync(
                query => query.OfType<OpenIddictEntityFrameworkCoreApplication>().Where(a => a.ClientId == client.ClientId).Select(a => a.Id),
                cancellationToken);
            if (!await stored.AnyAsync(cancellationToken))
            {
                throw;
            }

            return false;
        }
    }

    public async Task<bool> RemoveAsync(string clientId, CancellationToken cancellationToken)
    {
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (application is null || await ReadAsync(application, cancellationToken) is null)
        {
            return false;
        }

        // OpenIddict's store deletes the application's tokens and authorizations in the same transaction.
        await applications.DeleteAsync(application, cancellationToken);
        registrations.Removed(clientId);
        return true;
    }

    public async Task<bool> IsRegisteredAsync(string clientId, CancellationToken cancellationToken)
    {
        if (registrations.Known(clientId) is { } known)
        {
            return known;
        }

        var readAt = registrations.Now;
        if (await FindAsync(clientId, cancellationToken) is null)
        {
            return false;
        }

        registrations.Confirmed(clientId, readAt);
        return registrations.Known(clientId) == true;
    }

    private async Task<PartnerClient?> ReadAsync(object application, CancellationToken cancellationToken)
    {
        var properties = await applications.GetPropertiesAsync(application, cancellationToken);
        if (!properties.TryGetValue(HubProperty, out var hub) || hub.ValueKind != JsonValueKind.String || !hub.TryGetGuid(out var hubId))
        {
            return null;
        }

        var scopes = (await applications.GetPermissionsAsync(application, cancellationToken))
            .Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
            .Select(p => p[Permissions.Prefixes.Scope.Length..])
            .Order(StringComparer.Ordinal)
            .ToList();
        return new PartnerClient(
            await applications.GetClientIdAsync(application, cancellationToken) ?? string.Empty,
            await applications.GetDisplayNameAsync(application, cancellationToken) ?? string.Empty,
            hubId,
            scopes);
    }
}
