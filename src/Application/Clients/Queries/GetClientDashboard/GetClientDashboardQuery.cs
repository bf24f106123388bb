using Ardalis.Specification;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Interpretation;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Messaging;
using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Sessions;
using Wellbeing.Domain.Submissions;
using Wellbeing.Domain.Surveys;

namespace Wellbeing.Application.Clients.Queries.GetClientDashboard;

public sealed record GetClientDashboardQuery(string UserId);

/// <param name="WellbeingAvailable">False while the hub's licence for the Wellbeing Index instrument is not recorded: no form, nothing due.</param>
public sealed record ClientDashboardDto(
    string MemberName,
    string HubName,
    string TimeZoneId,
    IReadOnlyList<WellbeingPointDto> History,
    WellbeingBracket? LatestBracket,
    TrendDirection? Trend,
    DateTimeOffset NextDueAt,
    bool IsDue,
    bool WellbeingAvailable,
    IReadOnlyList<PendingAllianceDto> PendingAlliance)
{
    public WellbeingPointDto? Latest => History.Count > 0 ? History[^1] : null;
}

public sealed record WellbeingPointDto(DateTimeOffset SubmittedAt, decimal Score);

public sealed record PendingAllianceDto(Guid SessionId, string ProfessionalName, DateTimeOffset SessionEndedAt, DateTimeOffset ExpiresAt);

public sealed class GetClientDashboardHandler(
    IRepository<Member> members,
    IRepository<Hub> hubs,
    IRepository<Submission> submissions,
    IRepository<CareSession> sessions,
    IRepository<Professional> professionals,
    IRepository<InstrumentLicence> licences,
    ISurveyCatalogue catalogue,
    TimeProvider clock)
{
    public async Task<ClientDashboardDto> Handle(GetClientDashboardQuery query, CancellationToken cancellationToken)
    {
        var member = await members.FirstOrDefaultAsync(new MemberByUserIdSpec(query.UserId), cancellationToken)
            ?? throw new NotFoundException("Member");
        var hub = await hubs.FirstOrDefaultAsync(new HubByIdSpec(member.HubId), cancellationToken)
            ?? throw new NotFoundException("Hub");
        var now = clock.GetUtcNow();

        var history = await submissions.ListAsync(new WellbeingHistorySpec(member.Id), cancellationToken);
        var open = await sessions.ListAsync(new OpenAllianceInvitationsSpec(member.Id, now), cancellationToken);
        var professionalIds = open.Select(s => s.ProfessionalId).Distinct().ToList();
        var names = professionalIds.Count == 0
            ? new Dictionary<Guid, string>()
            : (await professionals.ListAsync(new ProfessionalsByIdsSpec(professionalIds), cancellationToken)).ToDictionary(p => p.Id, p => p.DisplayName);

        var wellbeingAvailable = catalogue.Current(Measure.Wellbeing).MayBeUsedIn(hub.Id, await licences.ListAsync(new LicencesOfHubSpec(hub.Id), cancellationToken));
        var latest = history.Count > 0 ? history[^1] : null;
        var nextDue = WellbeingSchedule.DueAt(latest?.SubmittedAt, member.EnrolledAt, hub.Settings.ReminderCadenceDays, hub.TimeZoneId);
        return new ClientDashboardDto(
            member.DisplayName,
            hub.Name,
            hub.TimeZoneId,
            history,
            latest is null ? null : WellbeingBrackets.For(latest.Score, hub.Settings),
            Trend.Of(history.Select(h => h.Score).ToList(), hub.Settings.TrendThreshold),
            nextDue,
            nextDue <= now,
            wellbeingAvailable,
            open.Select(s => new PendingAllianceDto(s.Id, names.GetValueOrDefault(s.ProfessionalId, "Your professional"), s.EndedAt!.Value, s.InvitationExpiresAt!.Value)).ToList());
    }
}

public sealed class WellbeingHistorySpec : Specification<Submission, WellbeingPointDto>
{
    public WellbeingHistorySpec(Guid memberId)
    {
        Query.Where(s => s.MemberId == memberId && s.Measure == Measure.Wellbeing).OrderBy(s => s.SubmittedAt);
        Query.Select(s => new WellbeingPointDto(s.SubmittedAt, s.Score));
    }
}

public sealed class OpenAllianceInvitationsSpec : Specification<CareSession>
{
    public OpenAllianceInvitationsSpec(Guid memberId, DateTimeOffset now) =>
        Query.Where(s => s.MemberId == memberId && s.InvitationOpenedAt != null && s.AllianceSubmissionId == null && s.InvitationExpiresAt > now)
            .OrderByDescending(s => s.EndedAt).AsNoTracking();
}
