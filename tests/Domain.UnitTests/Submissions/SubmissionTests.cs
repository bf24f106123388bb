using Wellbeing.Domain.Common;
using Wellbeing.Domain.Submissions;
using Wellbeing.Domain.Surveys;
using Wellbeing.Domain.UnitTests.Builders;

namespace Wellbeing.Domain.UnitTests.Submissions;

public class SubmissionTests
{
    private static readonly DateTimeOffset SubmittedAt = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private readonly Guid _hubId = Guid.NewGuid();
    private readonly Guid _memberId = Guid.NewGuid();
    private readonly Survey _who5 = SurveyBuilder.Who5Shaped().WithVersion(2).Build();
    private readonly Survey _alliance = SurveyBuilder.AllianceShaped().Build();

    [Fact]
    public void WellbeingSubmission_RecordsTheVersionAnswered_TheScoresAndTheAnswers()
    {
        var submission = Submission.ForWellbeing(_hubId, _memberId, _who5, Answers.InOrder(_who5, 3, 2, 4, 1, 3), SubmittedAt);

        Assert.Equal(("who-5", 2), (submission.SurveyKey, submission.SurveyVersion));
        Assert.Equal(Measure.Wellbeing, submission.Measure);
        Assert.Equal(13m, submission.RawScore);
        Assert.Equal(52m, submission.Score);
        Assert.Equal(
            [new("1", 3), new("2", 2), new("3", 4), new("4", 1), new("5", 3)],
            submission.Answers);
        Assert.Empty(submission.Subscales);
        Assert.Equal((_hubId, _memberId, SubmittedAt), (submission.HubId, submission.MemberId, submission.SubmittedAt));
        Assert.Null(submission.ProfessionalId);
        Assert.Null(submission.CareSessionId);
    }

    [Fact]
    public void WellbeingSubmission_TakesTheIdTheFormWasRenderedWith()
    {
        var id = Guid.NewGuid();

        var submission = Submission.ForWellbeing(_hubId, _memberId, _who5, Answers.AllSame(_who5, 3), SubmittedAt, id);

        Assert.Equal(id, submission.Id);
    }

    [Fact]
    public void WellbeingSubmission_WithAnEmptyId_IsRefused() =>
        Assert.Throws<DomainException>(() => Submission.ForWellbeing(_hubId, _memberId, _who5, Answers.AllSame(_who5, 3), SubmittedAt, Guid.Empty));

    [Fact]
    public void AllianceSubmission_KeepsTheAnswersAsGiven_AndScoresWithTheReversedItemTurnedRound()
    {
        var professionalId = Guid.NewGuid();
        var sessionId = Guid.NewGuid();

        var submission = Submission.ForAlliance(_hubId, _memberId, _alliance, Answers.InOrder(_alliance, 7, 6, 5, 3, 4), SubmittedAt, professionalId, sessionId);

        Assert.Equal(Measure.Alliance, submission.Measure);
        Assert.Equal(5.4m, submission.RawScore);
        Assert.Equal(5.4m, submission.Score);
        Assert.Equal(3, submission.Answers.Single(a => a.ItemId == "partnership-2").Value);
        Assert.Equal(
            [new("bond", 6.5m), new("partnership", 5m), new("confidence", 4m)],
            submission.Subscales);
        Assert.Equal((professionalId, sessionId), (submission.ProfessionalId, submission.CareSessionId));
    }

    [Fact]
    public void WellbeingSubmissionOfAnAllianceSurvey_IsRefused()
    {
        Assert.Throws<DomainException>(() =>
            Submission.ForWellbeing(_hubId, _memberId, _alliance, Answers.AllSame(_alliance, 4), SubmittedAt));
    }

    [Fact]
    public void AllianceSubmissionOfAWellbeingSurvey_IsRefused()
    {
        Assert.Throws<DomainException>(() =>
            Submission.ForAlliance(_hubId, _memberId, _who5, Answers.AllSame(_who5, 4), SubmittedAt, Guid.NewGuid(), Guid.NewGuid()));
    }

    [Fact]
    public void IncompleteAnswers_MakeNoSubmission()
    {
        var answers = Answers.InOrder(_who5, 3, 2, 4, 1, 3);
        answers.Remove("5");

        var exception = Assert.Throws<InvalidAnswersException>(() => Submission.ForWellbeing(_hubId, _memberId, _who5, answers, SubmittedAt));

        Assert.Equal("5", Assert.Single(exception.Errors).ItemId);
    }
}
