namespace Wellbeing.Infrastructure.Persistence.ReadModels;

/// <summary>
/// One row per member whose shared scores were ever derived: its version is read before the grants and scores the
/// derivation uses and raised by every save that rewrites the member's <see cref="Domain.Sharing.SharedScore"/> rows, so
/// of two transactions that derived from the same state (a submission saved while the grant is being revoked, under
/// READ COMMITTED) the later one's update matches no row and is derived again (<see cref="SharedScoreReadModel"/>).
/// Deleted with its member (cascade).
/// </summary>
public sealed class SharedScoreStamp
{
    private SharedScoreStamp()
    {
    }

    public SharedScoreStamp(Guid memberId) => MemberId = memberId;

    public Guid MemberId { get; private set; }

    /// <summary>Concurrency token: how many saves rewrote the member's shared scores.</summary>
    public int Version { get; private set; }

    public void Raise() => Version++;
}
