using Wellbeing.Application.Clients.Commands.SubmitAlliance;
using Wellbeing.Application.Clients.Commands.SubmitWellbeing;
using Wellbeing.Application.Clients.Queries.GetClientDashboard;
using Wellbeing.Application.FunctionalTests.Support;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Interpretation;

namespace Wellbeing.Application.FunctionalTests.Clients;

public sealed class GetClientDashboardHandlerTests : IAsyncLifetime
{
    private const int CadenceDays = 10;

    private ClientWorld _world = null!;

    // A cadence other than the default 14 days, so the test proves the hub's setting is read.
    public async Task InitializeAsync() =>
        _world = await ClientWorld.CreateAsync(s => s.WithCadences(CadenceDays, AllianceCadence.EverySession, s.InvitationExpiryDays));

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private Task<ClientDashboardDto> Dashboard(string userId = ClientWorld.UserId) =>
        _world.RunAsync<GetClientDashboardHandler, ClientDashboardDto>(h => h.Handle(new GetClientDashboardQuery(userId), CancellationToken.None));

    private Task SubmitWellbeing(params int?[] values) =>
        _world.RunAsync<SubmitWellbeingHandler, WellbeingResultDto>(h =>
            h.Handle(new SubmitWellbeingCommand(ClientWorld.UserId, Guid.NewGuid(), Answers.Who5Key, 1, Answers.Who5(values)), CancellationToken.None));

    [Fact]
    public async Task NextDue_IsTheLatestSubmissionPlusTheHubsReminderCadence_AndTrendIsNullWithOneSubmission()
    {
        await SubmitWellbeing(4, 4, 4, 4, 4);
        _world.Clock.Advance(TimeSpan.FromDays(1));

        var dashboard = await Dashboard();

        Assert.Equal(ClientWorld.Start.AddDays(CadenceDays), dashboard.NextDueAt);
        Assert.False(dashboard.IsDue);
        Assert.Null(dashboard.Trend); // one point is not a direction
        var latest = Assert.Single(dashboard.History);
        Assert.Equal(80m, latest.Score);
        Assert.Equal(WellbeingBracket.Good, dashboard.LatestBracket);
    }

    [Fact]
    public async Task OnTheDueInstant_TheFormIsDue()
    {
        await SubmitWellbeing(4, 4, 4, 4, 4);
        _world.Clock.Advance(TimeSpan.FromDays(CadenceDays));

        Assert.True((await Dashboard()).IsDue);
    }

    [Fact]
    public async Task NextDue_CountsFromTheLatestSubmission_NotTheFirst()
    {
        await SubmitWellbeing(1, 1, 1, 1, 1);
        _world.Clock.Advance(TimeSpan.FromDays(3));
        await SubmitWellbeing(5, 5, 5, 5, 5);

        var dashboard = await Dashboard();

        Assert.Equal(ClientWorld.Start.AddDays(3 + CadenceDays), dashboard.NextDueAt);
        Assert.Equal([20m, 100m], dashboard.History.Select(h => h.Score));
        Assert.NotNull(dashboard.Trend);
    }

    [Fact]
    public async Task WithoutSubmissions_TheFormIsDueSinceEnrolment_WithNoBracketNorTrend()
    {
        var dashboard = await Dashboard();

        Assert.Empty(dashboard.History);
        Assert.Equal(_world.Member.EnrolledAt, dashboard.NextDueAt);
        Assert.True(dashboard.IsDue);
        Assert.Null(dashboard.LatestBracket);
        Assert.Null(dashboard.Trend);
    }

    [Fact]
    public async Task PendingAlliance_ListsOnlyOwnOpenInvitations_AndDropsThemWhenAnsweredOrExpired()
    {
        var pending = Assert.Single((await Dashboard()).PendingAlliance);
        Assert.Equal(_world.Session.Id, pending.SessionId);
        Assert.Equal("Dr Grace Hopper", pending.ProfessionalName);
        Assert.Equal(_world.Session.InvitationExpiresAt, pending.ExpiresAt);

        await _world.RunAsync<SubmitAllianceHandler, AllianceThanksDto>(h =>
            h.Handle(new SubmitAllianceCommand(ClientWorld.UserId, _world.Session.Id, Answers.AllianceKey, 1, Answers.Alliance(5, 5, 5, 3, 5)), CancellationToken.None));
        Assert.Empty((await Dashboard()).PendingAlliance);

        // The other client never answered; past expiry their invitation leaves their dashboard too.
        Assert.Single((await Dashboard(ClientWorld.OtherUserId)).PendingAlliance);
        _world.Clock.SetUtcNow(_world.OtherMembersSession.InvitationExpiresAt!.Value);
        Assert.Empty((await Dashboard(ClientWorld.OtherUserId)).PendingAlliance);
    }
}
