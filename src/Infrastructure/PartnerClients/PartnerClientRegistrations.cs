using System.Collections.Concurrent;
using Wellbeing.Application.PartnerClients;

namespace Wellbeing.Infrastructure.PartnerClients;

/// <summary>
/// This node's memory of which partner clients were registered when last read, so that a bearer token's client is not
/// read from the database on every API request. One per process; entries are client ids, of which there are few.
/// </summary>
internal sealed class PartnerClientRegistrations(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _confirmedAt = new(StringComparer.Ordinal);

    /// <summary>Removed here: kept even if a read that began before the removal confirms the client afterwards.</summary>
    private readonly ConcurrentDictionary<string, bool> _removed = new(StringComparer.Ordinal);

    /// <summary>The moment a read begins; a yes it gives is dated from here, so it is never older than its date.</summary>
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <returns>True or false when this node knows the answer; null when the database must be asked.</returns>
    public bool? Known(string clientId)
    {
        if (_removed.ContainsKey(clientId))
        {
            return false;
        }

        return _confirmedAt.TryGetValue(clientId, out var at) && clock.GetUtcNow() - at < PartnerClient.RegistrationRecheck ? true : null;
    }

    public void Confirmed(string clientId, DateTimeOffset readAt) => _confirmedAt[clientId] = readAt;

    public void Removed(string clientId)
    {
        _removed[clientId] = true;
        _confirmedAt.TryRemove(clientId, out _);
    }

    /// <summary>A client id registered (again) on this node is no longer one it removed.</summary>
    public void Added(string clientId) => _removed.TryRemove(clientId, out _);
}
