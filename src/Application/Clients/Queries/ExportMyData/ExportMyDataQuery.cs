using Wellbeing.Application.Auditing;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Auditing;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Sessions;
using Wellbeing.Domain.Sharing;
using Wellbeing.Domain.Submissions;

namespace Wellbeing.Application.Clients.Queries.ExportMyData;

/// <param name="Format">Which download this is (<see cref="DataExports"/>), for the audit log.</param>
public sealed record ExportMyDataQuery(string UserId, string Format);

/// <summary>Everything stored about one member, as they may download it. Times are UTC.</summary>
public sealed record MyDataExportDto(
    DateTimeOffset ExportedAt,
    ExportedMemberDto Member,
    IReadOnlyList<ExportedSubmissionDto> Submissions,
    IReadOnlyList<ExportedSessionDto> Sessions,
    IReadOnlyList<ExportedShareGrantDto> ShareGrants,
    IReadOnlyList<ExportedScoreViewDto> ScoreViews);

public sealed record ExportedMemberDto(Guid Id, string Name, string Email, string Hub, string? Department, DateTimeOffset EnrolledAt, bool WellbeingEmailsOff, bool AllianceEmailsOff);

public sealed record ExportedSubmissionDto(
    Guid Id,
    Measure Measure,
    string SurveyKey,
    int SurveyVersion,
    string? SurveyTitle,
    DateTimeOffset SubmittedAt,
    decimal RawScore,
    decimal Score,
    string? Professional,
    Guid? SessionId,
    IReadOnlyList<ExportedAnswerDto> Answers,
    IReadOnlyDictionary<string, decimal> Subscales);

/// <param name="Text">The statement as shown; null if that instrument version is no longer loaded.</param>
/// <param name="Label">The chosen answer as shown.</param>
public sealed record ExportedAnswerDto(string ItemId, string? Text, int Value, string? Label);

public sealed record ExportedSessionDto(Guid Id, string Professional, DateTimeOffset ScheduledAt, DateTimeOffset? EndedAt, bool AllianceSurveyAnswered);

public sealed record ExportedShareGrantDto(string Professional, Measure Measure, DateTimeOffset GrantedAt, DateTimeOffset? RevokedAt);

public sealed record ExportedScoreViewDto(string Professional, DateTimeOffset ViewedAt);

public sealed class ExportMyDataHandler(
    IRepository<Member> members,
    IRepository<Hub> hubs,
    IRepository<Submission> submissions,
    IRepository<CareSession> sessions,
    IRepository<ShareGrant> grants,
    IRepository<ScoreView> views,
    IRepository<ClientConnection> connections,
    IRepository<Professional> professionals,
    ISurveyCatalogue catalogue,
    IAuditLog audit,
    IUnitOfWork unitOfWork,
    TimeProvider clock)
{
    public async Task<MyDataExportDto> Handle(ExportMyDataQuery query, CancellationToken cancellationToken)
    {
        var member = await members.OfUserAsync(query.UserId, cancellationToken);
        var hub = await hubs.OfMemberAsync(member, cancellationToken);
        var memberSubmissions = await submissions.ListAsync(new SubmissionsOfMemberSpec(member.Id), cancellationToken);
        var memberSessions = await sessions.ListAsync(new SessionsOfMemberSpec(member.Id), cancellationToken);
        var memberGrants = await grants.ListAsync(new ShareGrantsOfMemberSpec(member.Id), cancellationToken);
        var memberViews = await views.ListAsync(new ScoreViewsOfMemberSpec(member.Id), cancellationToken);
        var memberConnections = await connections.ListAsync(new ConnectionsOfMemberSpec(member.Id), cancellationToken);

        var professionalIds = memberConnections.Select(c => c.ProfessionalId)
            .Concat(memberViews.Select(v => v.ProfessionalId))
            .Concat(memberSessions.Select(s => s.ProfessionalId))
            .Distinct().ToList();
        var names = professionalIds.Count == 0
            ? new Dictionary<Guid, string>()
            : (await professionals.ListAsync(new ProfessionalsByIdsSpec(professionalIds), cancellationToken)).ToDictionary(p => p.Id, p => p.DisplayName);
        string NameOf(Guid id) => names.GetValueOrDefault(id, "Unknown professional");

        audit.Record(AuditAction.DataExported, member.HubId, query.Format);
        await unitOfWork.SaveChangesAsync(cancellationToken);

        return new MyDataExportDto(
            clock.GetUtcNow(),
            new ExportedMemberDto(member.Id, member.DisplayName, member.Email, hub.Name, member.Department, member.EnrolledAt, member.WellbeingEmailsOff, member.AllianceEmailsOff),
            memberSubmissions.Select(s => Exported(s, s.ProfessionalId is { } p ? NameOf(p) : null)).ToList(),
            memberSessions.Select(s => new ExportedSessionDto(s.Id, NameOf(s.ProfessionalId), s.ScheduledAt, s.EndedAt, s.AllianceSubmissionId is not null)).ToList(),
            memberGrants.Select(g => new ExportedShareGrantDto(NameOf(g.ProfessionalId), g.Measure, g.GrantedAt, g.RevokedAt)).ToList(),
            memberViews.Select(v => new ExportedScoreViewDto(NameOf(v.ProfessionalId), v.ViewedAt)).ToList());
    }

    private ExportedSubmissionDto Exported(Submission submission, string? professional)
    {
        var survey = catalogue.Find(submission.SurveyKey, submission.SurveyVersion);
        return new ExportedSubmissionDto(
            submission.Id,
            submission.Measure,
            submission.SurveyKey,
            submission.SurveyVersion,
            survey?.Title,
            submission.SubmittedAt,
            submission.RawScore,
            submission.Score,
            professional,
            submission.CareSessionId,
            submission.Answers.Select(a => new ExportedAnswerDto(
                a.ItemId,
                survey?.Items.FirstOrDefault(i => i.Id == a.ItemId)?.Text,
                a.Value,
                survey?.Options.FirstOrDefault(o => o.Value == a.Value)?.Label)).ToList(),
            submission.Subscales.ToDictionary(s => s.Key, s => s.Mean));
    }
}
