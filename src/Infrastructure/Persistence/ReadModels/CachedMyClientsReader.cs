using Microsoft.Extensions.Caching.Memory;
using Wellbeing.Application.Professionals.Queries.GetMyClients;
using Wellbeing.Domain.Text;

namespace Wellbeing.Infrastructure.Persistence.ReadModels;

/// <summary>
/// Serves the clients list from this node's memory while nothing it shows has changed: each request reads the
/// <see cref="ClientListVersion"/> of the professional's hubs (<see cref="ClientListVersionReader"/>) and serves the
/// slice cached for (account, folded search, skip, take, those versions), otherwise reads it with
/// <see cref="MyClientsReader"/> and caches it. Every save that changes a list raises its hub's version in the same
/// transaction (<see cref="ClientListVersions"/>), so a revoked share, a deactivation or a disconnection made on any
/// node changes the key on the next request of every node (docs/decisions/0010).
/// </summary>
public sealed class CachedMyClientsReader(WellbeingDbContext db, MyClientsReader reader, ClientListCache cache, ClientListVersionReader versionReader) : IMyClientsReader
{
    public async Task<MyClientsSlice> ReadAsync(MyClientsFilter filter, CancellationToken cancellationToken)
    {
        // The versions are read BEFORE the list, and the list is stored under them: a save committed in between has
        // raised a version, so its rows may be in the slice but the key is one no later request reads, and content is
        // never older than its key. Read after the list, a version could be newer than the rows it labels, and a
        // revoked score would be served under the version that revoked it.
        var versions = await versionReader.ReadAsync(db, filter.UserId, cancellationToken);
        if (versions.Any(v => v.Version is null))
        {
            return await reader.ReadAsync(filter, cancellationToken);
        }

        var key = new Key(
            filter.UserId,
            filter.Search is null ? null : TextFolding.Fold(filter.Search),
            filter.Skip,
            filter.Take,
            string.Join(',', versions.Select(v => $"{v.HubId:N}:{v.Version}")));
        if (cache.Entries.TryGetValue(key, out MyClientsSlice? cached))
        {
            return cached!;
        }

        // The key names the content for caches of what is made from it (the rows' HTML): the record's text holds every field.
        var slice = await reader.ReadAsync(filter, cancellationToken) with { ContentKey = key.ToString() };
        cache.Entries.Set(key, slice, new MemoryCacheEntryOptions
        {
            // A search of thousands of characters that finds nobody must not be cheap to keep: its key weighs as a row
            // per 64 characters, so the size limit bounds the memory held whatever is typed.
            Size = 1 + slice.Rows.Count + ((key.Search?.Length ?? 0) / 64),
            AbsoluteExpirationRelativeToNow = ClientListCache.Lifetime,
        });
        return slice;
    }

    private sealed record Key(string UserId, string? Search, int Skip, int Take, string Versions);
}

/// <summary>
/// This node's cached clients lists: a cache of its own, so that its size limit (rows held) applies to nothing else.
/// Entries expire after <see cref="Lifetime"/> whatever happens, a second safety net behind the versions.
/// </summary>
public sealed class ClientListCache : IDisposable
{
    /// <summary>The most rows held at once, each slice also weighing one, and one per 64 characters of its search; least recently used slices go first.</summary>
    public const long SizeLimit = 200_000;

    public static readonly TimeSpan Lifetime = MyClientsSlice.ContentKeyLifetime;

    internal MemoryCache Entries { get; } = new(new MemoryCacheOptions { SizeLimit = SizeLimit });

    public void Dispose() => Entries.Dispose();
}
