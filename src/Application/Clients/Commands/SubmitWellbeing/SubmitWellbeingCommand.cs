using Ardalis.Specification;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Interpretation;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Submissions;
using Wellbeing.Domain.Surveys;

namespace Wellbeing.Application.Clients.Commands.SubmitWellbeing;

/// <param name="SubmissionId">The id the form was rendered with (hidden field).</param>
/// <param name="SurveyKey">The instrument the form showed; answers are only scored against the questions that were asked.</param>
public sealed record SubmitWellbeingCommand(string UserId, Guid SubmissionId, string? SurveyKey, int SurveyVersion, IReadOnlyDictionary<string, int?> Answers);

public sealed record WellbeingResultDto(decimal Score, WellbeingBracket Bracket, bool PossibleDepression, DateTimeOffset SubmittedAt, string TimeZoneId, bool WasAlreadySaved);

public sealed class SubmitWellbeingHandler(
    IRepository<Member> members,
    IRepository<Hub> hubs,
    IRepository<Submission> submissions,
    IRepository<InstrumentLicence> licences,
    ISurveyCatalogue catalogue,
    IUnitOfWork unitOfWork,
    TimeProvider clock)
{
    /// <exception cref="InvalidAnswersException">Missing or out-of-range answers; nothing is saved.</exception>
    /// <exception cref="LicenceMissingException">The hub's permission for the instrument is not recorded; nothing is saved.</exception>
    public async Task<WellbeingResultDto> Handle(SubmitWellbeingCommand command, CancellationToken cancellationToken)
    {
        var member = await members.OfUserAsync(command.UserId, cancellationToken);
        var hub = await hubs.OfMemberAsync(member, cancellationToken);

        if (await ExistingAsync(command.SubmissionId, member, cancellationToken) is { } saved)
        {
            return Result(saved.Score, saved.SubmittedAt, hub, wasAlreadySaved: true);
        }

        var survey = catalogue.Current(Measure.Wellbeing);
        survey.EnsureMayBeUsedIn(member.HubId, await licences.ListAsync(new LicencesOfHubSpec(member.HubId), cancellationToken));
        survey.EnsureIsTheFormOf(command.SurveyKey, command.SurveyVersion);

        var submission = Submission.ForWellbeing(member.HubId, member.Id, survey, command.Answers, clock.GetUtcNow(), command.SubmissionId);
        submissions.Add(submission);
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (ConflictException)
        {
            // The same form's twin request saved first: show what it saved.
            var twin = await ExistingAsync(command.SubmissionId, member, cancellationToken) ?? throw new ConflictException("Your answers could not be saved. Please try again.");
            return Result(twin.Score, twin.SubmittedAt, hub, wasAlreadySaved: true);
        }

        return Result(submission.Score, submission.SubmittedAt, hub, wasAlreadySaved: false);
    }

    /// <summary>A submission with this id; someone else's id is a 404, never a way to read their result.</summary>
    private async Task<SavedWellbeing?> ExistingAsync(Guid id, Member member, CancellationToken cancellationToken)
    {
        if (id == Guid.Empty)
        {
            throw new DomainException("This form is incomplete. Please open the form again and fill it in.");
        }

        var existing = await submissions.FirstOrDefaultAsync(new SavedWellbeingSpec(id), cancellationToken);
        if (existing is not null && (existing.MemberId != member.Id || existing.Measure != Measure.Wellbeing))
        {
            throw new NotFoundException("Submission");
        }

        return existing;
    }

    private static WellbeingResultDto Result(decimal score, DateTimeOffset submittedAt, Hub hub, bool wasAlreadySaved) => new(
        score,
        WellbeingBrackets.For(score, hub.Settings),
        Flags.ForWellbeing(score).Contains(Flag.PossibleDepression),
        submittedAt,
        hub.TimeZoneId,
        wasAlreadySaved);
}

/// <summary>What the result page needs of a saved submission, and whose it is.</summary>
public sealed record SavedWellbeing(Guid MemberId, Measure Measure, decimal Score, DateTimeOffset SubmittedAt);

/// <summary>
/// A submission's owner, measure, score and time: a projection, as the result page shows neither its answers nor its
/// subscales, and loading the entity would read both collections.
/// </summary>
public sealed class SavedWellbeingSpec : Specification<Submission, SavedWellbeing>
{
    public SavedWellbeingSpec(Guid id)
    {
        Query.Where(s => s.Id == id);
        Query.Select(s => new SavedWellbeing(s.MemberId, s.Measure, s.Score, s.SubmittedAt));
    }
}
