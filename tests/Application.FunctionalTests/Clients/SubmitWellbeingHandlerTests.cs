using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wellbeing.Application.Clients.Commands.SubmitWellbeing;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.FunctionalTests.Support;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Interpretation;
using Wellbeing.Domain.Surveys;
using Wellbeing.Infrastructure.Persistence;

namespace Wellbeing.Application.FunctionalTests.Clients;

public sealed class SubmitWellbeingHandlerTests : IAsyncLifetime
{
    private ClientWorld _world = null!;

    public async Task InitializeAsync() => _world = await ClientWorld.CreateAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private Task<WellbeingResultDto> Submit(Guid id, Dictionary<string, int?> answers, string userId = ClientWorld.UserId) =>
        _world.RunAsync<SubmitWellbeingHandler, WellbeingResultDto>(h =>
            h.Handle(new SubmitWellbeingCommand(userId, id, Answers.Who5Key, 1, answers), CancellationToken.None));

    [Fact]
    public async Task CompleteWho5Answers_AreScoredAsRawSumTimesFour_AndSavedAtTheClocksTime()
    {
        var id = Guid.NewGuid();

        var result = await Submit(id, Answers.Who5(5, 4, 3, 2, 1));

        Assert.Equal(60m, result.Score); // (5 + 4 + 3 + 2 + 1) x 4
        Assert.Equal(WellbeingBracket.Good, result.Bracket);
        Assert.False(result.PossibleDepression);
        Assert.False(result.WasAlreadySaved);
        Assert.Equal(ClientWorld.Start, result.SubmittedAt);
        Assert.Equal("Europe/Amsterdam", result.TimeZoneId);
        var saved = await _world.QueryAsync(db => db.Submissions.AsSplitQuery().SingleAsync(s => s.Id == id));
        Assert.Equal(_world.Member.Id, saved.MemberId);
        Assert.Equal(Measure.Wellbeing, saved.Measure);
        Assert.Equal(5, saved.Answers.Count);
    }

    [Fact]
    public async Task WithoutTheHubsLicenceForTheInstrument_IsRefused_AndNothingIsSaved()
    {
        await _world.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<WellbeingDbContext>();
            return await db.InstrumentLicences.Where(l => l.HubId == _world.Hub.Id).ExecuteDeleteAsync();
        });

        var refused = await Assert.ThrowsAsync<LicenceMissingException>(() => Submit(Guid.NewGuid(), Answers.Who5(5, 4, 3, 2, 1)));

        Assert.Equal("who-5", refused.Survey.Key);
        Assert.Equal(0, await _world.QueryAsync(db => db.Submissions.CountAsync()));
    }

    [Fact]
    public async Task FirstSubmission_StartsTheMembersResponderSummary_InTheSameSave()
    {
        await Submit(Guid.NewGuid(), Answers.Who5(5, 4, 3, 2, 1));

        Assert.Equal((ClientWorld.Start, 60m), await SummaryAsync());
    }

    [Fact]
    public async Task SecondSubmission_KeepsTheFirstScore()
    {
        await Submit(Guid.NewGuid(), Answers.Who5(5, 5, 5, 5, 5));
        _world.Clock.Advance(TimeSpan.FromDays(14));

        await Submit(Guid.NewGuid(), Answers.Who5(1, 1, 1, 1, 1));

        Assert.Equal((ClientWorld.Start, 100m), await SummaryAsync());
    }

    [Fact]
    public async Task LowScore_IsFlaggedAsPossibleDepression()
    {
        var result = await Submit(Guid.NewGuid(), Answers.Who5(1, 1, 1, 1, 1));

        Assert.Equal(20m, result.Score);
        Assert.Equal(WellbeingBracket.Poor, result.Bracket);
        Assert.True(result.PossibleDepression);
    }

    [Fact]
    public async Task RepeatedSubmissionId_SavesOnce_AndReturnsTheFirstResult_NotTheNewAnswers()
    {
        var id = Guid.NewGuid();
        await Submit(id, Answers.Who5(5, 5, 5, 5, 5));
        _world.Clock.Advance(TimeSpan.FromMinutes(3));

        // A resent form (back button, retry) must not count twice nor overwrite what was scored.
        var again = await Submit(id, Answers.Who5(0, 0, 0, 0, 0));

        Assert.True(again.WasAlreadySaved);
        Assert.Equal(100m, again.Score);
        Assert.Equal(ClientWorld.Start, again.SubmittedAt);
        Assert.Equal(1, await _world.QueryAsync(db => db.Submissions.CountAsync(s => s.MemberId == _world.Member.Id)));
        Assert.Equal((ClientWorld.Start, 100m), await SummaryAsync());
    }

    [Fact]
    public async Task IncompleteAnswers_AreRefused_AndNothingIsSaved()
    {
        var missing = Answers.Who5(5, 4, 3, 2, null);

        await Assert.ThrowsAsync<InvalidAnswersException>(() => Submit(Guid.NewGuid(), missing));

        Assert.Equal(0, await _world.QueryAsync(db => db.Submissions.CountAsync()));
    }

    [Fact]
    public async Task OutOfRangeAnswer_IsRefused_AndNothingIsSaved()
    {
        await Assert.ThrowsAsync<InvalidAnswersException>(() => Submit(Guid.NewGuid(), Answers.Who5(5, 4, 3, 2, 6)));

        Assert.Equal(0, await _world.QueryAsync(db => db.Submissions.CountAsync()));
    }

    [Fact]
    public async Task FormWithoutASubmissionId_IsRefused()
    {
        await Assert.ThrowsAsync<DomainException>(() => Submit(Guid.Empty, Answers.Who5(5, 4, 3, 2, 1)));

        Assert.Equal(0, await _world.QueryAsync(db => db.Submissions.CountAsync()));
    }

    [Fact]
    public async Task UnknownUser_IsNotFound()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => Submit(Guid.NewGuid(), Answers.Who5(5, 4, 3, 2, 1), userId: "nobody"));
    }

    /// <summary>The first score the HR period trends start from, kept for the client instead of reading their history.</summary>
    private Task<(DateTimeOffset FirstAt, decimal FirstScore)> SummaryAsync() =>
        _world.QueryAsync(async db =>
        {
            var summary = await db.ResponderSummaries.SingleAsync(r => r.MemberId == _world.Member.Id);
            return (summary.FirstAt, summary.FirstScore);
        });
}
