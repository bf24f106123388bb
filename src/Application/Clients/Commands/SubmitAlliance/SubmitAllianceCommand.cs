using Ardalis.Specification;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Sessions;
using Wellbeing.Domain.Submissions;
using Wellbeing.Domain.Surveys;

namespace Wellbeing.Application.Clients.Commands.SubmitAlliance;

public sealed record SubmitAllianceCommand(string UserId, Guid SessionId, string? SurveyKey, int SurveyVersion, IReadOnlyDictionary<string, int?> Answers);

public sealed record AllianceThanksDto(string ProfessionalName);

public sealed class SubmitAllianceHandler(
    IRepository<Member> members,
    IRepository<CareSession> sessions,
    IRepository<Professional> professionals,
    IRepository<Submission> submissions,
    ISurveyCatalogue catalogue,
    IUnitOfWork unitOfWork,
    TimeProvider clock)
{
    /// <exception cref="NotFoundException">The session is not the signed-in client's own.</exception>
    /// <exception cref="ConflictException">The invitation was used already with other answers; the same answers again (a
    /// double click, a concurrent twin request) are thanked for, not refused.</exception>
    /// <exception cref="InvalidAnswersException">Missing or out-of-range answers; nothing is saved.</exception>
    public async Task<AllianceThanksDto> Handle(SubmitAllianceCommand command, CancellationToken cancellationToken)
    {
        var member = await members.OfUserAsync(command.UserId, cancellationToken);
        var session = await sessions.FirstOrDefaultAsync(new SessionOfMemberSpec(command.SessionId, member.Id, forUpdate: true), cancellationToken)
            ?? throw new NotFoundException("Session");
        // The same answers sent again (a double click, a resend) thank the client again instead of refusing them.
        if (session.AllianceSubmissionId is not null && await IsRepeatAsync(command, member, cancellationToken))
        {
            return await ThanksAsync(session, cancellationToken);
        }

        var now = clock.GetUtcNow();
        AllianceInvitation.EnsureOpen(session, now);

        var survey = catalogue.Current(Measure.Alliance);
        survey.EnsureIsTheFormOf(command.SurveyKey, command.SurveyVersion);

        var submission = Submission.ForAlliance(member.HubId, member.Id, survey, command.Answers, now, session.ProfessionalId, session.Id);
        session.RecordAllianceSubmission(submission.Id, now);
        submissions.Add(submission);

        // A unique index on the submission's session makes the database refuse a concurrent second answer.
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (ConflictException conflict)
        {
            if (await IsRepeatAsync(command, member, cancellationToken))
            {
                return await ThanksAsync(session, cancellationToken);
            }

            throw new ConflictException(AllianceInvitation.AlreadyAnswered, conflict);
        }

        return await ThanksAsync(session, cancellationToken);
    }

    /// <summary>Whether the answer saved about this session (read afresh: a concurrent twin may have saved it) is this one.</summary>
    private async Task<bool> IsRepeatAsync(SubmitAllianceCommand command, Member member, CancellationToken cancellationToken) =>
        await submissions.FirstOrDefaultAsync(new AllianceSubmissionOfSessionSpec(command.SessionId, member.Id), cancellationToken) is { } saved
        && saved.SurveyKey == command.SurveyKey && saved.SurveyVersion == command.SurveyVersion && saved.HasAnswers(command.Answers);

    private async Task<AllianceThanksDto> ThanksAsync(CareSession session, CancellationToken cancellationToken)
    {
        var professional = await professionals.FirstOrDefaultAsync(new ProfessionalsByIdsSpec([session.ProfessionalId]), cancellationToken);
        return new AllianceThanksDto(professional?.DisplayName ?? "your professional");
    }
}

public sealed class AllianceSubmissionOfSessionSpec : Specification<Submission>
{
    // Split: one submission, but its answers and subscales in one query would come back as every pair of the two.
    public AllianceSubmissionOfSessionSpec(Guid sessionId, Guid memberId) =>
        Query.Where(s => s.CareSessionId == sessionId && s.MemberId == memberId && s.Measure == Measure.Alliance).AsSplitQuery().AsNoTracking();
}
