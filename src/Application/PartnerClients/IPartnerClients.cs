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

    /// <summary>
    /// How long a node may go on trusting that a client is registered before asking the database again: the longest a
    /// client removed on another node keeps working here (its tokens are otherwise checked by signature alone).
    /// </summary>
    public static readonly TimeSpan RegistrationRecheck = TimeSpan.FromSeconds(30);
}

/// <summary>Where partner clients and their hashed secrets are kept (the OAuth server's own store).</summary>
public interface IPartnerClients
{
    Task<IReadOnlyList<PartnerClient>> ListAsync(CancellationToken cancellationToken);

    /// <returns>Null for an unknown client id, and for an OAuth client that is not a partner system of a hub.</returns>
    Task<PartnerClient?> FindAsync(string clientId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the client at once, with the changes the use case has pending (its audit entry), in one transaction; only a
    /// hash of <paramref name="secret"/> is kept.
    /// </summary>
    /// <returns>False, storing nothing, when a client with this client id exists already.</returns>
    Task<bool> AddAsync(PartnerClient client, string secret, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the client with every token issued to it, with the changes the use case has pending, in one transaction. Its tokens stop working at once on the node that removes it,
    /// and within <see cref="PartnerClient.RegistrationRecheck"/> on every other node (see <see cref="IsRegisteredAsync"/>).
    /// </summary>
    /// <returns>False when there was no such partner client.</returns>
    Task<bool> RemoveAsync(string clientId, CancellationToken cancellationToken);

    /// <summary>
    /// Whether the client is still registered, cheap enough to ask on every API request: a yes is remembered by this
    /// node for at most <see cref="PartnerClient.RegistrationRecheck"/> from the read that gave it; a no is never
    /// remembered; a client this node removed is a no at once.
    /// </summary>
    Task<bool> IsRegisteredAsync(string clientId, CancellationToken cancellationToken);
}
