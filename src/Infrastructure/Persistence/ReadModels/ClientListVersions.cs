using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Sharing;

namespace Wellbeing.Infrastructure.Persistence.ReadModels;

/// <summary>
/// Raises the <see cref="ClientListVersion"/> of every hub whose clients lists a save changes, inside the save's
/// transaction, so that a cached list (<see cref="CachedMyClientsReader"/>) is never served for a state it was not read
/// from. What a list shows comes from members (name, search key, deactivation, hub, deletion), connections, hub
/// memberships, professionals (the account a list belongs to), hubs (name, and the settings owned by the hub) and the shared scores (which
/// the save derives from grants and submissions before this runs); a change of any of them in any way raises the
/// hubs it was in before and after the save. Writes that bypass the change tracker on these tables are forbidden by
/// an architecture test (ClientListWriteRules).
/// </summary>
internal static class ClientListVersions
{
    /// <summary>The entity types a clients list is read from.</summary>
    public static readonly IReadOnlySet<Type> ListedTypes = new HashSet<Type>
    {
        typeof(Member), typeof(ClientConnection), typeof(HubMembership), typeof(Professional), typeof(Hub), typeof(HubSettings), typeof(SharedScore),
    };

    /// <summary>Adds the version row of every hub the save creates, so a hub's row exists from its first list on.</summary>
    public static void AddForNewHubs(WellbeingDbContext db)
    {
        foreach (var hub in db.ChangeTracker.Entries<Hub>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.Id).ToList())
        {
            db.ClientListVersions.Add(new ClientListVersion(hub));
        }
    }

    /// <summary>
    /// True when the save adds, changes or deletes a row a list is read from, or grants or submissions whose shared
    /// scores it will derive: such a save must raise versions in the same transaction as its rows.
    /// </summary>
    public static bool MayChange(WellbeingDbContext db) =>
        Changed(db).Any(e => ListedTypes.Contains(e.Metadata.ClrType) || e.Entity is ShareGrant or Domain.Submissions.Submission);

    /// <summary>
    /// Raises, by one UPDATE, the versions of <paramref name="hubs"/> (from <see cref="HubsChangedAsync"/>, read before
    /// the save accepted its changes). Call it inside the save's transaction after the rows are written, so the hub's
    /// version row stays locked only until the commit; a retried save may raise them again, which costs only a miss.
    /// </summary>
    public static async Task RaiseAsync(WellbeingDbContext db, IReadOnlyCollection<Guid> hubs, CancellationToken cancellationToken)
    {
        if (hubs.Count > 0)
        {
            await db.ClientListVersions.Where(v => hubs.Contains(v.HubId))
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.Version, v => v.Version + 1), cancellationToken);
        }
    }

    /// <summary>The hubs whose lists the tracked changes alter, by id; call it after the shared scores are staged.</summary>
    public static async Task<List<Guid>> HubsChangedAsync(WellbeingDbContext db, CancellationToken cancellationToken)
    {
        var changed = Changed(db).Where(e => ListedTypes.Contains(e.Metadata.ClrType)).ToList();
        var hubs = new HashSet<Guid>();
        var professionals = new HashSet<Guid>();
        var members = new HashSet<Guid>();
        foreach (var entry in changed)
        {
            switch (entry.Entity)
            {
                case Hub hub:
                    hubs.Add(hub.Id);
                    break;
                case HubSettings:
                    // Owned by the hub and stored in its row: a settings change leaves the hub's own entry unchanged.
                    hubs.UnionWith(BeforeAndAfter(entry, entry.Metadata.FindOwnership()!.Properties.Single().Name));
                    break;
                case Member or ClientConnection or HubMembership:
                    // Before and after: a member moved to another hub leaves the old hub's lists too.
                    hubs.UnionWith(BeforeAndAfter(entry, nameof(Member.HubId)));
                    break;
                case Professional professional:
                    professionals.Add(professional.Id);
                    break;
                case SharedScore:
                    members.UnionWith(BeforeAndAfter(entry, nameof(SharedScore.MemberId)));
                    break;
            }
        }

        if (professionals.Count > 0)
        {
            hubs.UnionWith(await db.Professionals.Where(p => professionals.Contains(p.Id))
                .SelectMany(p => p.Hubs).Select(h => h.HubId).ToListAsync(cancellationToken));
        }

        if (members.Count > 0)
        {
            // A member added in this save is not stored yet; its tracked entry (handled above) names its hub.
            hubs.UnionWith(await db.Members.Where(m => members.Contains(m.Id)).Select(m => m.HubId).ToListAsync(cancellationToken));
        }

        return [.. hubs.Order()];
    }

    private static IEnumerable<EntityEntry> Changed(WellbeingDbContext db) =>
        db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);

    private static IEnumerable<Guid> BeforeAndAfter(EntityEntry entry, string property)
    {
        var value = entry.Property(property);
        if (entry.State != EntityState.Added)
        {
            yield return (Guid)value.OriginalValue!;
        }

        yield return (Guid)value.CurrentValue!;
    }
}
