namespace Wellbeing.Application.Professionals.Queries.GetMyClients;

/// <summary>
/// The clients list as a read model: one page with each row's shared scores, in a fixed number of database round
/// trips whatever the page size, because a professional may have thousands of clients.
/// </summary>
public interface IMyClientsReader
{
    /// <summary>
    /// Active members connected to the professional in the given hubs, by name. A score is filled in only while the
    /// member has an active share grant for that professional and measure; alliance scores are only those about this
    /// professional.
    /// </summary>
    Task<MyClientsSlice> ReadAsync(MyClientsFilter filter, CancellationToken cancellationToken);
}

/// <param name="Search">Part of the name as typed, matched without regard to case, accents or Unicode form (both sides folded by <see cref="Wellbeing.Domain.Text.TextFolding.Fold"/>); null for everyone.</param>
public sealed record MyClientsFilter(Guid ProfessionalId, IReadOnlyCollection<Guid> HubIds, string? Search, int Skip, int Take);

public sealed record MyClientsSlice(int TotalCount, IReadOnlyList<MyClientScores> Rows);

public sealed record MyClientScores(Guid MemberId, string Name, Guid HubId, decimal? LatestWellbeing, decimal? LatestAlliance, decimal? PreviousAlliance);
