namespace Wellbeing.Infrastructure.Persistence.ReadModels;

/// <summary>
/// One row per hub: a number raised, in the same transaction, by every save that changes what a clients list of that
/// hub shows (<see cref="ClientListVersions"/>). The cached clients lists are keyed by the versions of the
/// professional's hubs, so a raised version makes every cached list of the hub unreachable on every node at once
/// (docs/decisions/0010). Created with its hub and deleted with it (cascade).
/// </summary>
public sealed class ClientListVersion
{
    private ClientListVersion()
    {
    }

    public ClientListVersion(Guid hubId) => HubId = hubId;

    public Guid HubId { get; private set; }

    /// <summary>How many saves changed the hub's clients lists; only ever raised, by SQL (<c>Version = Version + 1</c>).</summary>
    public long Version { get; private set; }
}
