using Ardalis.Specification;
using Wellbeing.Application.Auditing;
using Wellbeing.Application.Clients.Queries.GetClientDashboard;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Application.Professionals.Common;
using Wellbeing.Domain.Auditing;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Interpretation;
using Wellbeing.Domain.Sessions;
using Wellbeing.Domain.Sharing;
using Wellbeing.Domain.Submissions;

namespace Wellbeing.Application.Professionals.Queries.GetClientProfile;

public sealed record GetClientProfileQuery(string UserId, Guid MemberId);

/// <summary>
/// A client as their professional sees them. A null section is shown as "?": the client has not completed that
/// measure or does not share it, and the page must not tell which.
/// </summary>
public sealed record ClientProfileDto(
    Guid MemberId,
    string Name,
    string HubName,
    string TimeZoneId,
    WellbeingSectionDto? Wellbeing,
    AllianceSectionDto? Alliance,
    IReadOnlyList<SessionDto> Sessions);

public sealed record WellbeingSectionDto(IReadOnlyList<WellbeingPointDto> History, WellbeingBracket Bracket, TrendDirection? Trend, IReadOnlyList<Flag> Flags)
{
    public WellbeingPointDto Latest => History[^1];
}

public sealed record AllianceSectionDto(IReadOnlyList<AlliancePointDto> History, IReadOnlyList<Flag> Flags)
{
    public AlliancePointDto Latest => History[^1];
}

/// <param name="Subscales">Subscale means by key (bond, partnership, confidence for the default survey).</param>
public sealed record AlliancePointDto(DateTimeOffset SubmittedAt, decimal Score, IReadOnlyList<SubscaleResult> Subscales);

public sealed record SessionDto(Guid Id, int SequenceNumber, DateTimeOffset ScheduledAt, DateTimeOffset? EndedAt, DateTimeOffset? InvitationExpiresAt);

public sealed class GetClientProfileHandler(
    ConnectedClients clients,
    IRepository<ShareGrant> grants,
    IRepository<Submission> submissions,
    IRepository<CareSession> sessions,
    IRepository<ScoreView> views,
    IAuditLog audit,
    IUnitOfWork unitOfWork,
    TimeProvider clock)
{
    public async Task<ClientProfileDto> Handle(GetClientProfileQuery query, CancellationToken cancellationToken)
    {
        var (professional, member, hub) = await clients.FindAsync(query.UserId, query.MemberId, cancellationToken);

        // Read on every request, never cached: a revoked share must disappear on the professional's next request.
        var shared = (await grants.ListAsync(new ActiveSharesSpec(professional.Id, member.Id), cancellationToken)).ToHashSet();

        WellbeingSectionDto? wellbeing = null;
        if (shared.Contains(Measure.Wellbeing))
        {
            var history = await submissions.ListAsync(new WellbeingHistorySpec(member.Id), cancellationToken);
            if (history.Count > 0)
            {
                wellbeing = new WellbeingSectionDto(
                    history,
                    WellbeingBrackets.For(history[^1].Score, hub.Settings),
                    Trend.Of(history.Select(h => h.Score).ToList(), hub.Settings.TrendThreshold),
                    Flags.ForWellbeing(history[^1].Score));
            }
        }

        AllianceSectionDto? alliance = null;
        if (shared.Contains(Measure.Alliance))
        {
            var ratings = await submissions.ListAsync(new AllianceAboutSpec(member.Id, professional.Id), cancellationToken);
            if (ratings.Count > 0)
            {
                var history = ratings.Select(r => new AlliancePointDto(r.SubmittedAt, r.Score, r.Subscales)).ToList();
                var previous = history.Count > 1 ? history[^2].Score : (decimal?)null;
                alliance = new AllianceSectionDto(history, Flags.ForAlliance(history[^1].Score, previous, hub.Settings));
            }
        }

        // The client's "who viewed my scores" list counts views of something, not visits to a page of question marks.
        if (wellbeing is not null || alliance is not null)
        {
            views.Add(new ScoreView(hub.Id, member.Id, professional.Id, clock.GetUtcNow()));
            audit.Record(AuditAction.ScoresViewed, hub.Id, member.Id.ToString());
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }

        var pairSessions = (await sessions.ListAsync(new PairSessionsSpec(member.Id, professional.Id), cancellationToken))
            .Select(s => new SessionDto(s.Id, s.SequenceNumber, s.ScheduledAt, s.EndedAt, s.InvitationExpiresAt))
            .ToList();
        return new ClientProfileDto(member.Id, member.DisplayName, hub.Name, hub.TimeZoneId, wellbeing, alliance, pairSessions);
    }
}

public sealed class ActiveSharesSpec : Specification<ShareGrant, Measure>
{
    public ActiveSharesSpec(Guid professionalId, Guid memberId)
    {
        Query.Where(g => g.ProfessionalId == professionalId && g.MemberId == memberId && g.RevokedAt == null);
        Query.Select(g => g.Measure);
    }
}

public sealed class AllianceAboutSpec : Specification<Submission>
{
    // Split: each rating's answers and subscales in one query would come back as every pair of the two.
    public AllianceAboutSpec(Guid memberId, Guid professionalId) =>
        Query.Where(s => s.MemberId == memberId && s.Measure == Measure.Alliance && s.ProfessionalId == professionalId).OrderBy(s => s.SubmittedAt).AsSplitQuery().AsNoTracking();
}
