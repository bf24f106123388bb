using Ardalis.Specification;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Professionals;

namespace Wellbeing.Application.Professionals.Queries.GetMyAllianceScore;

public sealed record GetMyAllianceScoreQuery(string UserId);

/// <summary>
/// The professional's own alliance score, read from published months only (<see cref="AlliancePeriodScore"/>): each
/// closed month, computed once, shown or hidden, and an overall figure derived from the shown months. Nothing here
/// moves when a client answers, and no count of ratings or clients is given anywhere.
/// </summary>
/// <param name="Overall">Null while no published month is shown.</param>
/// <param name="Months">Every published month, oldest first.</param>
public sealed record MyAllianceScoreDto(OverallAllianceDto? Overall, IReadOnlyList<AllianceMonthDto> Months);

/// <summary>
/// The mean of the shown months' means, and per subscale the mean of their subscale means, each month weighted
/// equally (a weight by ratings would need a count, which is never published); 1-7, two decimals.
/// </summary>
/// <param name="From">The first shown month it covers.</param>
/// <param name="To">The last shown month it covers.</param>
/// <param name="ShownMonths">How many shown months it is the mean of.</param>
public sealed record OverallAllianceDto(decimal Mean, IReadOnlyList<SubscaleMeanDto> Subscales, DateOnly From, DateOnly To, int ShownMonths);

/// <summary>A subscale's mean, 1-7: bond, partnership or confidence for the default survey.</summary>
public sealed record SubscaleMeanDto(string Key, decimal Mean);

/// <param name="Month">The first day of the month, UTC.</param>
/// <param name="Mean">1-7, to the nearest half point (see AlliancePeriodScore); null when the month is hidden.</param>
/// <param name="Subscales">Empty when the month is hidden.</param>
public sealed record AllianceMonthDto(DateOnly Month, decimal? Mean, IReadOnlyList<SubscaleMeanDto> Subscales)
{
    public bool IsHidden => Mean is null;
}

public sealed class GetMyAllianceScoreHandler(IRepository<Professional> professionals, IRepository<AlliancePeriodScore> scores)
{
    /// <exception cref="NotFoundException">The user is not a professional.</exception>
    public async Task<MyAllianceScoreDto> Handle(GetMyAllianceScoreQuery query, CancellationToken cancellationToken)
    {
        var professional = await professionals.FirstOrDefaultAsync(new ProfessionalByUserIdSpec(query.UserId), cancellationToken)
            ?? throw new NotFoundException("Professional");
        var months = (await scores.ListAsync(new PublishedAllianceScoresSpec(professional.Id), cancellationToken))
            .Select(s => new AllianceMonthDto(
                DateOnly.FromDateTime(s.PeriodStart.UtcDateTime),
                s.Mean,
                [.. s.Subscales.Select(m => new SubscaleMeanDto(m.Key, m.Mean))]))
            .ToList();
        return new MyAllianceScoreDto(Overall(months), months);
    }

    private static OverallAllianceDto? Overall(IReadOnlyList<AllianceMonthDto> months)
    {
        var shown = months.Where(m => !m.IsHidden).ToList();
        if (shown.Count == 0)
        {
            return null;
        }

        var subscales = shown.SelectMany(m => m.Subscales)
            .GroupBy(s => s.Key)
            .Select(g => new SubscaleMeanDto(g.Key, Round(g.Average(s => s.Mean))))
            .ToList();
        return new OverallAllianceDto(Round(shown.Average(m => m.Mean!.Value)), subscales, shown[0].Month, shown[^1].Month, shown.Count);
    }

    private static decimal Round(decimal mean) => Math.Round(mean, 2, MidpointRounding.AwayFromZero);
}

/// <summary>A professional's published months with their subscales, oldest first.</summary>
public sealed class PublishedAllianceScoresSpec : Specification<AlliancePeriodScore>
{
    public PublishedAllianceScoresSpec(Guid professionalId) =>
        Query.Where(s => s.ProfessionalId == professionalId).OrderBy(s => s.PeriodStart).AsNoTracking();
}
