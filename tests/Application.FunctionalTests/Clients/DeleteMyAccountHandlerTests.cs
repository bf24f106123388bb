using Microsoft.EntityFrameworkCore;
using Wellbeing.Application.Clients.Commands.ChangeSharing;
using Wellbeing.Application.Clients.Commands.DeleteMyAccount;
using Wellbeing.Application.Clients.Commands.SubmitAlliance;
using Wellbeing.Application.Clients.Commands.SubmitWellbeing;
using Wellbeing.Application.Clients.Queries.GetSharing;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.FunctionalTests.Support;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Sharing;

namespace Wellbeing.Application.FunctionalTests.Clients;

public sealed class DeleteMyAccountHandlerTests : IAsyncLifetime
{
    private ClientWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await ClientWorld.CreateAsync();

        // Both clients leave the same kinds of traces, so the test can see exactly whose rows go.
        foreach (var (userId, session) in new[] { (ClientWorld.UserId, _world.Session), (ClientWorld.OtherUserId, _world.OtherMembersSession) })
        {
            await _world.RunAsync<SubmitWellbeingHandler, WellbeingResultDto>(h =>
                h.Handle(new SubmitWellbeingCommand(userId, Guid.NewGuid(), Answers.Who5Key, 1, Answers.Who5(3, 3, 3, 3, 3)), CancellationToken.None));
            await _world.RunAsync<SubmitAllianceHandler, AllianceThanksDto>(h =>
                h.Handle(new SubmitAllianceCommand(userId, session.Id, Answers.AllianceKey, 1, Answers.Alliance(5, 5, 5, 3, 5)), CancellationToken.None));
            await _world.RunAsync<ChangeSharingHandler, SharingRowDto>(h =>
                h.Handle(new ChangeSharingCommand(userId, _world.Professional.Id, Measure.Wellbeing, true), CancellationToken.None));
        }

        await _world.SeedAsync(
            new ScoreView(_world.Hub.Id, _world.Member.Id, _world.Professional.Id, ClientWorld.Start),
            new ScoreView(_world.Hub.Id, _world.OtherMember.Id, _world.Professional.Id, ClientWorld.Start));
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private Task Delete(string userId = ClientWorld.UserId) =>
        _world.RunAsync<DeleteMyAccountHandler>(h => h.Handle(new DeleteMyAccountCommand(userId), CancellationToken.None));

    private Task<(int Members, int Submissions, int Summaries, int Grants, int Views, int Sessions, int Connections)> RowsOf(Guid memberId) =>
        _world.QueryAsync(async db => (
            await db.Members.CountAsync(m => m.Id == memberId),
            await db.Submissions.CountAsync(s => s.MemberId == memberId),
            await db.ResponderSummaries.CountAsync(r => r.MemberId == memberId),
            await db.ShareGrants.CountAsync(g => g.MemberId == memberId),
            await db.ScoreViews.CountAsync(v => v.MemberId == memberId),
            await db.CareSessions.CountAsync(s => s.MemberId == memberId),
            await db.ClientConnections.CountAsync(c => c.MemberId == memberId)));

    [Fact]
    public async Task Delete_RemovesTheMembersSubmissionsSummaryGrantsViewsSessionsConnections_AndTheMemberRow()
    {
        Assert.Equal((1, 2, 1, 1, 1, 1, 1), await RowsOf(_world.Member.Id));

        await Delete();

        Assert.Equal((0, 0, 0, 0, 0, 0, 0), await RowsOf(_world.Member.Id));
    }

    [Fact]
    public async Task Delete_LeavesAnotherMembersDataUntouched()
    {
        await Delete();

        Assert.Equal((1, 2, 1, 1, 1, 1, 1), await RowsOf(_world.OtherMember.Id));
        Assert.Equal(1, await _world.QueryAsync(db => db.Professionals.CountAsync(p => p.Id == _world.Professional.Id)));
    }

    [Fact]
    public async Task DeletingAgain_FindsNoMember()
    {
        await Delete();

        // A second click, or a stale tab, must not fail half-way through someone else's rows: there is simply no one.
        await Assert.ThrowsAsync<NotFoundException>(() => Delete());
    }
}
