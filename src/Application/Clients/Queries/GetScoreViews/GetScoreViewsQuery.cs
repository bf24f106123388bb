using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Sharing;

namespace Wellbeing.Application.Clients.Queries.GetScoreViews;

public sealed record GetScoreViewsQuery(string UserId);

public sealed record ScoreViewsDto(string TimeZoneId, IReadOnlyList<ScoreViewDto> Views);

public sealed record ScoreViewDto(DateTimeOffset ViewedAt, string ProfessionalName, string ProfessionalTitle);

public sealed class GetScoreViewsHandler(
    IRepository<Member> members,
    IRepository<Hub> hubs,
    IRepository<ScoreView> views,
    IRepository<Professional> professionals)
{
    public async Task<ScoreViewsDto> Handle(GetScoreViewsQuery query, CancellationToken cancellationToken)
    {
        var member = await members.OfUserAsync(query.UserId, cancellationToken);
        var hub = await hubs.OfMemberAsync(member, cancellationToken);
        var list = await views.ListAsync(new ScoreViewsOfMemberSpec(member.Id), cancellationToken);
        var ids = list.Select(v => v.ProfessionalId).Distinct().ToList();
        var people = ids.Count == 0
            ? []
            : (await professionals.ListAsync(new ProfessionalsByIdsSpec(ids), cancellationToken));
        var byId = people.ToDictionary(p => p.Id);
        return new ScoreViewsDto(
            hub.TimeZoneId,
            list.Select(v => byId.TryGetValue(v.ProfessionalId, out var p)
                    ? new ScoreViewDto(v.ViewedAt, p.DisplayName, p.Title)
                    : new ScoreViewDto(v.ViewedAt, "A professional who has left", string.Empty))
                .ToList());
    }
}
