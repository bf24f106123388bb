using Microsoft.EntityFrameworkCore;
using Wellbeing.Application.Clients.Commands.SubmitAlliance;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.FunctionalTests.Support;
using Wellbeing.Domain.Common;

namespace Wellbeing.Application.FunctionalTests.Clients;

public sealed class SubmitAllianceHandlerTests : IAsyncLifetime
{
    private ClientWorld _world = null!;

    public async Task InitializeAsync() => _world = await ClientWorld.CreateAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private Task<AllianceThanksDto> Submit(Guid sessionId, Dictionary<string, int?> answers) =>
        _world.RunAsync<SubmitAllianceHandler, AllianceThanksDto>(h =>
            h.Handle(new SubmitAllianceCommand(ClientWorld.UserId, sessionId, Answers.AllianceKey, 1, answers), CancellationToken.None));

    private Task<int> SubmissionsFor(Guid sessionId) => _world.QueryAsync(db => db.Submissions.CountAsync(s => s.CareSessionId == sessionId));

    [Fact]
    public async Task OwnOpenSession_IsSaved_LinkedToTheSession_AndThanksTheProfessionalByName()
    {
        var thanks = await Submit(_world.Session.Id, Answers.Alliance(7, 7, 7, 1, 7));

        Assert.Equal("Dr Grace Hopper", thanks.ProfessionalName);
        var saved = await _world.QueryAsync(db => db.Submissions.AsSplitQuery().SingleAsync(s => s.CareSessionId == _world.Session.Id));
        Assert.Equal(7m, saved.Score); // the reversed 1 counts as 7
        Assert.Equal(Measure.Alliance, saved.Measure);
        Assert.Equal(_world.Professional.Id, saved.ProfessionalId);
        Assert.Equal(saved.Id, await _world.QueryAsync(db => db.CareSessions.Where(s => s.Id == _world.Session.Id).Select(s => s.AllianceSubmissionId).SingleAsync()));

        // The HR refresh's responder summaries are about the Wellbeing Index only.
        Assert.False(await _world.QueryAsync(db => db.ResponderSummaries.AnyAsync(r => r.MemberId == _world.Member.Id)));
    }

    [Fact]
    public async Task AnotherMembersSession_IsNotFound_AndTheirInvitationStaysOpen()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => Submit(_world.OtherMembersSession.Id, Answers.Alliance(4, 4, 4, 4, 4)));

        Assert.Equal(0, await SubmissionsFor(_world.OtherMembersSession.Id));
        Assert.Null(await _world.QueryAsync(db => db.CareSessions.Where(s => s.Id == _world.OtherMembersSession.Id).Select(s => s.AllianceSubmissionId).SingleAsync()));
    }

    [Fact]
    public async Task PastTheInvitationsExpiry_IsRefused_AndNothingIsSaved()
    {
        _world.Clock.SetUtcNow(_world.Session.InvitationExpiresAt!.Value.AddSeconds(1));

        var refused = await Assert.ThrowsAsync<DomainException>(() => Submit(_world.Session.Id, Answers.Alliance(4, 4, 4, 4, 4)));

        Assert.Contains("closed", refused.Message);
        Assert.Equal(0, await SubmissionsFor(_world.Session.Id));
    }

    [Fact]
    public async Task AtTheExactExpiryInstant_TheInvitationIsAlreadyClosed()
    {
        // Open means strictly before InvitationExpiresAt: seven days after the session, not seven days and a moment.
        _world.Clock.SetUtcNow(_world.Session.InvitationExpiresAt!.Value);

        await Assert.ThrowsAsync<DomainException>(() => Submit(_world.Session.Id, Answers.Alliance(4, 4, 4, 4, 4)));
    }

    [Fact]
    public async Task JustBeforeExpiry_IsStillAccepted()
    {
        _world.Clock.SetUtcNow(_world.Session.InvitationExpiresAt!.Value.AddSeconds(-1));

        await Submit(_world.Session.Id, Answers.Alliance(4, 4, 4, 4, 4));

        Assert.Equal(1, await SubmissionsFor(_world.Session.Id));
    }

    [Fact]
    public async Task SecondSubmit_IsAConflict_AndTheFirstAnswersAreKept()
    {
        await Submit(_world.Session.Id, Answers.Alliance(7, 7, 7, 1, 7));

        var conflict = await Assert.ThrowsAsync<ConflictException>(() => Submit(_world.Session.Id, Answers.Alliance(1, 1, 1, 7, 1)));

        Assert.Equal(AllianceInvitationMessages.AlreadyAnswered, conflict.Message);
        var saved = await _world.QueryAsync(db => db.Submissions.AsSplitQuery().SingleAsync(s => s.CareSessionId == _world.Session.Id));
        Assert.Equal(7m, saved.Score);
    }

    [Fact]
    public async Task IncompleteAnswers_AreRefused_AndLeaveTheInvitationOpen()
    {
        var answers = Answers.Alliance(4, 4, 4, 4, 4);
        answers["confidence-helps"] = null;

        await Assert.ThrowsAsync<Wellbeing.Domain.Surveys.InvalidAnswersException>(() => Submit(_world.Session.Id, answers));

        Assert.Equal(0, await SubmissionsFor(_world.Session.Id));
        // The client can still answer properly afterwards.
        await Submit(_world.Session.Id, Answers.Alliance(4, 4, 4, 4, 4));
        Assert.Equal(1, await SubmissionsFor(_world.Session.Id));
    }

    private static class AllianceInvitationMessages
    {
        public const string AlreadyAnswered = Wellbeing.Application.Clients.AllianceInvitation.AlreadyAnswered;
    }
}
