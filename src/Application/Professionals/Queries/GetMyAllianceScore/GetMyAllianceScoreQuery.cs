using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Submissions;

namespace Wellbeing.Application.Professionals.Queries.GetMyAllianceScore;

public sealed record GetMyAllianceScoreQuery(string UserId);

/// <summary>
/// The professional's own alliance score over every rating about them, shared or not. Because unshared ratings are
/// in it, nothing is shown unless at least <see cref="K"/> distinct clients are behind the number.
/// </summary>
/// <param name="Overall">Null while fewer than k distinct clients have rated the professional.</param>
public sealed record MyAllianceScoreDto(int K, AllianceMeanDto? Overall, IReadOnlyList<SubscaleMeanDto> Subscales, IReadOnlyList<MonthlyAllianceDto> Months);

public sealed record AllianceMeanDto(decimal Mean, int Clients, int Ratings);

public sealed record SubscaleMeanDto(string Key, decimal Mean);

/// <param name="Month">The first day of the month, UTC.</param>
public sealed record MonthlyAllianceDto(DateOnly Month, decimal Mean);

public sealed class GetMyAllianceScoreHandler(IRepository<Professional> professionals, IRepository<Hub> hubs, IRepository<Submission> submissions)
{
    public async Task<MyAllianceScoreDto> Handle(GetMyAllianceScoreQuery query, CancellationToken cancellationToken)
    {
        var professional = await professionals.FirstOrDefaultAsync(new ProfessionalByUserIdSpec(query.UserId), cancellationToken)
            ?? throw new NotFoundException("Professional");
        var hubIds = professional.Hubs.Select(h => h.HubId).ToList();

        // Working in several hubs, the strictest hub's k applies: it protects that hub's clients too.
        var k = (await hubs.ListAsync(new HubsByIdsSpec(hubIds), cancellationToken)).Select(h => h.Settings.K).DefaultIfEmpty(HubSettings.MinimumK).Max();
        var ratings = await submissions.ListAsync(new AllianceRatingsOfSpec(professional.Id), cancellationToken);

        var clients = ratings.Select(r => r.MemberId).Distinct().Count();
        if (clients < k)
        {
            return new MyAllianceScoreDto(k, null, [], []);
        }

        var subscales = ratings.SelectMany(r => r.Subscales)
            .GroupBy(s => s.Key)
            .Select(g => new SubscaleMeanDto(g.Key, Round(g.Average(s => s.Mean))))
            .ToList();

        // Each month is its own number, so each needs k clients of its own or one client's rating could stand out.
        var months = ratings
            .GroupBy(r => new DateOnly(r.SubmittedAt.UtcDateTime.Year, r.SubmittedAt.UtcDateTime.Month, 1))
            .Where(g => g.Select(r => r.MemberId).Distinct().Count() >= k)
            .OrderBy(g => g.Key)
            .Select(g => new MonthlyAllianceDto(g.Key, Round(g.Average(r => r.Score))))
            .ToList();
        return new MyAllianceScoreDto(k, new AllianceMeanDto(Round(ratings.Average(r => r.Score)), clients, ratings.Count), subscales, months);
    }

    private static decimal Round(decimal mean) => Math.Round(mean, 2, MidpointRounding.AwayFromZero);
}

public sealed class AllianceRatingsOfSpec : Specification<Submission>
{
    public AllianceRatingsOfSpec(Guid professionalId) =>
        Query.Where(s => s.Measure == Measure.Alliance && s.ProfessionalId == professionalId);
}
