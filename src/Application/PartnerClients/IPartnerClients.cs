namespace Wellbeing.Application.PartnerClients;

/// <summary>
/// The scopes a partner system can hold. A scope is listed here only once its endpoints exist, so an administrator can
/// never grant a right that does nothing yet.
/// </summary>
public static class PartnerScopes
{
    public const string AggregatesRead = "aggregates:read";

    public static readonly IReadOnlyList<PartnerScope> All =
    [
        new(AggregatesRead, "Read the hub's published, anonymised statistics: the same figures, hidden the same way, as on the HR page."),
    ];

    public static IReadOnlyList<string> Names => [.. All.Select(s => s.Name)];
}

/// <param name="Description">What the scope allows, in the administrator's words (the admin page and the OpenAPI document).</param>
public sealed record PartnerScope(string Name, string Description);

/// <summary>A partner system's OAuth client: it belongs to exactly one hub and acts only within the scopes it holds.</summary>
public sealed record PartnerClient(string ClientId, string DisplayName, Guid HubId, IReadOnlyList<string> Scopes)
{
    public const int MaxDisplayNameLength = 100;
}

/// <summary>Where partner clients and their hashed secrets are kept (the OAuth server's own store).</summary>
public interface IPartnerClients
{
    Task<IReadOnlyList<PartnerClient>> ListAsync(CancellationToken cancellationToken);

    /// <returns>Null for an unknown client id, and for an OAuth client that is not a partner system of a hub.</returns>
    Task<PartnerClient?> FindAsync(string clientId, CancellationToken cancellationToken);

    /// <summary>Stores the client at once; only a hash of <paramref name="secret"/> is kept.</summary>
    /// <returns>False, storing nothing, when a client with this client id exists already.</returns>
    Task<bool> AddAsync(PartnerClient client, string secret, CancellationToken cancellationToken);

    /// <summary>Deletes the client with every token issued to it, so those tokens stop working at once.</summary>
    /// <returns>False when there was no such partner client.</returns>
    Task<bool> RemoveAsync(string clientId, CancellationToken cancellationToken);
}
