using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Interpretation;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Sharing;
using Wellbeing.Domain.Submissions;

namespace Wellbeing.Application.Professionals.Queries.GetMyClients;

public sealed record GetMyClientsQuery(string UserId, string? Search, int Page = 1)
{
    public const int PageSize = 25;
}

public sealed record MyClientsPageDto(IReadOnlyList<MyClientRowDto> Rows, int Page, int TotalCount, string? Search)
{
    public int PageCount => Math.Max(1, (int)Math.Ceiling(TotalCount / (double)GetMyClientsQuery.PageSize));
}

/// <summary>A row of the clients list. A null score is shown as "?": not completed and not shared look the same.</summary>
public sealed record MyClientRowDto(
    Guid MemberId,
    string Name,
    string HubName,
    decimal? WellbeingScore,
    WellbeingBracket? WellbeingBracket,
    decimal? AllianceScore,
    IReadOnlyList<Flag> Flags);

public sealed class GetMyClientsHandler(
    IRepository<Professional> professionals,
    IRepository<ClientConnection> connections,
    IRepository<Member> members,
    IRepository<Hub> hubs,
    IRepository<ShareGrant> grants,
    IRepository<Submission> submissions)
{
    public async Task<MyClientsPageDto> Handle(GetMyClientsQuery query, CancellationToken cancellationToken)
    {
        var professional = await professionals.FirstOrDefaultAsync(new ProfessionalByUserIdSpec(query.UserId), cancellationToken)
            ?? throw new NotFoundException("Professional");
        var hubIds = professional.Hubs.Select(h => h.HubId).ToList();
        var connectedIds = await connections.ListAsync(new ConnectedMemberIdsSpec(professional.Id, hubIds), cancellationToken);

        var search = string.IsNullOrWhiteSpace(query.Search) ? null : query.Search.Trim();
        var page = Math.Max(1, query.Page);
        var total = await members.CountAsync(new ConnectedMembersSpec(connectedIds, search), cancellationToken);
        var pageMembers = await members.ListAsync(new ConnectedMembersSpec(connectedIds, search, page), cancellationToken);
        var pageIds = pageMembers.Select(m => m.Id).ToList();

        var hubById = (await hubs.ListAsync(new HubsByIdsSpec(hubIds), cancellationToken)).ToDictionary(h => h.Id);
        var shared = (await grants.ListAsync(new ActiveGrantsSpec(professional.Id, pageIds), cancellationToken))
            .Select(g => (g.MemberId, g.Measure)).ToHashSet();
        var wellbeingShared = pageIds.Where(id => shared.Contains((id, Measure.Wellbeing))).ToList();
        var allianceShared = pageIds.Where(id => shared.Contains((id, Measure.Alliance))).ToList();
        var latestWellbeing = (await submissions.ListAsync(new ScoresNewestFirstSpec(wellbeingShared, Measure.Wellbeing, null), cancellationToken))
            .GroupBy(s => s.MemberId).ToDictionary(g => g.Key, g => g.First().Score);
        var allianceNewestFirst = (await submissions.ListAsync(new ScoresNewestFirstSpec(allianceShared, Measure.Alliance, professional.Id), cancellationToken))
            .GroupBy(s => s.MemberId).ToDictionary(g => g.Key, g => g.Select(s => s.Score).Take(2).ToList());

        var rows = pageMembers.Select(m =>
        {
            var settings = hubById[m.HubId].Settings;
            decimal? wellbeing = latestWellbeing.TryGetValue(m.Id, out var w) ? w : null;
            var alliance = allianceNewestFirst.GetValueOrDefault(m.Id) ?? [];
            decimal? latestAlliance = alliance.Count > 0 ? alliance[0] : null;
            decimal? previousAlliance = alliance.Count > 1 ? alliance[1] : null;
            return new MyClientRowDto(
                m.Id,
                m.DisplayName,
                hubById[m.HubId].Name,
                wellbeing,
                wellbeing is null ? null : WellbeingBrackets.For(wellbeing.Value, settings),
                latestAlliance,
                [.. Flags.ForWellbeing(wellbeing), .. Flags.ForAlliance(latestAlliance, previousAlliance, settings)]);
        }).ToList();
        return new MyClientsPageDto(rows, page, total, search);
    }
}

public sealed class ConnectedMemberIdsSpec : Specification<ClientConnection, Guid>
{
    public ConnectedMemberIdsSpec(Guid professionalId, IReadOnlyCollection<Guid> hubIds)
    {
        Query.Where(c => c.ProfessionalId == professionalId && hubIds.Contains(c.HubId));
        Select(c => c.MemberId);
    }
}

public sealed class ConnectedMembersSpec : Specification<Member>
{
    public ConnectedMembersSpec(IReadOnlyCollection<Guid> memberIds, string? search, int? page = null)
    {
        Query.Where(m => memberIds.Contains(m.Id) && m.DeactivatedAt == null);
        if (search is not null)
        {
            // Lower on both sides: PostgreSQL compares case-sensitively where SQLite does not, and people type "ada" for Ada.
            var lowered = search.ToLowerInvariant();
            Query.Where(m => m.DisplayName.ToLower().Contains(lowered));
        }

        Query.OrderBy(m => m.DisplayName);
        if (page is not null)
        {
            Query.Paginate((page.Value - 1) * GetMyClientsQuery.PageSize, GetMyClientsQuery.PageSize);
        }
    }
}

public sealed class ActiveGrantsSpec : Specification<ShareGrant>
{
    public ActiveGrantsSpec(Guid professionalId, IReadOnlyCollection<Guid> memberIds) =>
        Query.Where(g => g.ProfessionalId == professionalId && memberIds.Contains(g.MemberId) && g.RevokedAt == null);
}

public sealed record ScoreDto(Guid MemberId, decimal Score);

public sealed class ScoresNewestFirstSpec : Specification<Submission, ScoreDto>
{
    /// <param name="aboutProfessional">For alliance: only ratings of this professional.</param>
    public ScoresNewestFirstSpec(IReadOnlyCollection<Guid> memberIds, Measure measure, Guid? aboutProfessional)
    {
        Query.Where(s => memberIds.Contains(s.MemberId) && s.Measure == measure);
        if (aboutProfessional is not null)
        {
            Query.Where(s => s.ProfessionalId == aboutProfessional);
        }

        Query.OrderByDescending(s => s.SubmittedAt);
        Select(s => new ScoreDto(s.MemberId, s.Score));
    }
}
