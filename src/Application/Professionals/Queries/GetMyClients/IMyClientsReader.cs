using Wellbeing.Domain.Hubs;

namespace Wellbeing.Application.Professionals.Queries.GetMyClients;

/// <summary>
/// The clients list as a read model: one page with each row's shared scores and hub, in one database round trip when
/// the page is the last one (a whole caseload of up to a page) and two when it is full or past the end (the count),
/// whatever the page size, because a professional may have thousands of clients and opens the list more than any
/// other page.
/// </summary>
public interface IMyClientsReader
{
    /// <summary>
    /// Active members connected to the signed-in professional in a hub the professional works in now, by name. A
    /// score is filled in only while the member has an active share grant for that professional and measure; alliance
    /// scores are only those about this professional. An account that is no professional sees nobody.
    /// </summary>
    Task<MyClientsSlice> ReadAsync(MyClientsFilter filter, CancellationToken cancellationToken);
}

/// <param name="UserId">The professional's sign-in account.</param>
/// <param name="Search">Part of the name as typed, matched without regard to case, accents or Unicode form (both sides folded by <see cref="Wellbeing.Domain.Text.TextFolding.Fold"/>); null for everyone.</param>
public sealed record MyClientsFilter(string UserId, string? Search, int Skip, int Take);

/// <param name="ContentKey">
/// Names this content for a cache of what is made from it, such as the rows' HTML: a slice given under a key holds what
/// the database held when the key was read, or newer rows only when a save committed during that very read, and a
/// change to anything the rows show gives every later read another key (docs/decisions/0010). Null when the slice was
/// read without the cache. What is cached under a key must be dropped within <see cref="ContentKeyLifetime"/>.
/// </param>
public sealed record MyClientsSlice(int TotalCount, IReadOnlyList<MyClientScores> Rows, string? ContentKey = null)
{
    /// <summary>How long a key may be served from a cache at most, whatever happens: a safety net behind the versions.</summary>
    public static readonly TimeSpan ContentKeyLifetime = TimeSpan.FromMinutes(5);
}

/// <param name="Hub">The member's hub, for its name and the settings that turn scores into brackets and flags.</param>
public sealed record MyClientScores(Guid MemberId, string Name, Hub Hub, decimal? LatestWellbeing, decimal? LatestAlliance, decimal? PreviousAlliance);
