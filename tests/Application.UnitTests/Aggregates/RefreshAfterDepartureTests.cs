using Microsoft.EntityFrameworkCore;
using Wellbeing.Application.Aggregates.Commands.RefreshAggregates;
using Wellbeing.Application.Clients.Commands.DeleteMyAccount;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.UnitTests.Support;
using Wellbeing.Domain.Aggregates;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Submissions;

namespace Wellbeing.Application.UnitTests.Aggregates;

/// <summary>
/// An HR manager who learns that a colleague deleted their account compares the snapshots before and after: the
/// difference must not be that colleague's answers. Default rules: k = 5.
/// </summary>
public sealed class RefreshAfterDepartureTests : IAsyncLifetime
{
    private const string CarolsUserId = "user-carol";

    private ClientWorld _world = null!;
    private Member _carol = null!;
    private IReadOnlyList<Member> _ops = [];

    public async Task InitializeAsync()
    {
        _world = await ClientWorld.CreateAsync();
        var sales = Enumerable.Range(0, 10).Select(i => new Member(_world.Hub.Id, $"Sales {i}", $"sales{i}@example.org", ClientWorld.Start.AddMonths(-1), "Sales")).ToList();
        _ops = [.. Enumerable.Range(0, 10).Select(i => new Member(_world.Hub.Id, $"Ops {i}", $"ops{i}@example.org", ClientWorld.Start.AddMonths(-1), "Ops"))];
        _carol = new Member(_world.Hub.Id, "Carol", "carol@example.org", ClientWorld.Start.AddMonths(-1), "Sales");
        _carol.LinkAccount(CarolsUserId);
        await _world.SeedAsync([.. sales, .. _ops, _carol]);
        await AnswerAsync([.. sales, .. _ops], 3, ClientWorld.Start.AddDays(-10));
        await AnswerAsync([_carol], 0, ClientWorld.Start.AddDays(-10));
        await RefreshAsync();
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task DeletingAnAccount_LeavesADepartureWithNothingOfWhoLeft()
    {
        _world.Clock.Advance(TimeSpan.FromDays(1));

        await _world.RunAsync<DeleteMyAccountHandler>(h => h.Handle(new DeleteMyAccountCommand(CarolsUserId), CancellationToken.None));

        var departure = Assert.Single(await _world.QueryAsync(db => db.Departures.ToListAsync()));
        Assert.Equal((_world.Hub.Id, "Sales", _world.Clock.GetUtcNow(), true, false), (departure.HubId, departure.Department, departure.At, departure.HadWellbeing, departure.HadAlliance));
    }

    [Fact]
    public async Task HubMinusTheRenewedDepartment_WouldBeTheDepartedMember_SoNoDepartmentIsRenewed()
    {
        _world.Clock.Advance(TimeSpan.FromDays(1));
        await _world.RunAsync<DeleteMyAccountHandler>(h => h.Handle(new DeleteMyAccountCommand(CarolsUserId), CancellationToken.None));
        await AnswerAsync([.. _ops.Take(5)], 5, _world.Clock.GetUtcNow());
        _world.Clock.Advance(TimeSpan.FromDays(1));

        var result = await RefreshAsync();

        // The hub moved by five new answers and one departure; Sales and Ops alone would tell the departure apart.
        Assert.Contains(_world.Hub.Id, result.Published);
        var snapshots = await _world.QueryAsync(db => db.Snapshots.OrderBy(s => s.AsOf).ToListAsync());
        Assert.All(snapshots[1].Aggregates.Where(c => c.Segment is not null), c => Assert.Equal(snapshots[0].AsOf, c.AsOf));
        Assert.Contains(snapshots[1].Aggregates, c => c.Segment == Segments.Department("Ops") && c.Metric == Metrics.WellbeingMean && !c.IsSuppressed);
    }

    private Task<RefreshResult> RefreshAsync() =>
        _world.RunAsync<RefreshAggregatesHandler, RefreshResult>(h => h.Handle(new RefreshAggregatesCommand(_world.Hub.Id), CancellationToken.None));

    /// <summary>Every member answers every WHO-5 item with <paramref name="answer"/> at the given time.</summary>
    private async Task AnswerAsync(IReadOnlyList<Member> members, int answer, DateTimeOffset at)
    {
        var survey = await _world.RunAsync<ISurveyCatalogue, Domain.Surveys.Survey>(catalogue => Task.FromResult(catalogue.Current(Measure.Wellbeing)));
        var answers = survey.Items.ToDictionary(item => item.Id, _ => (int?)answer);
        await _world.SeedAsync([.. members.Select(m => Submission.ForWellbeing(_world.Hub.Id, m.Id, survey, answers, at))]);
    }
}
