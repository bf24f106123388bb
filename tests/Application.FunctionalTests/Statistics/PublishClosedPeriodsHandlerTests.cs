using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wellbeing.Application.Clients.Commands.DeleteMyAccount;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Statistics.Commands.PublishClosedPeriods;
using Wellbeing.Application.FunctionalTests.Support;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Statistics;
using Wellbeing.Domain.Submissions;

namespace Wellbeing.Application.FunctionalTests.Statistics;

/// <summary>
/// The publication on real SQLite: which periods it publishes and when, that it never publishes one twice nor one that
/// overlaps a published one, and that nothing done to members afterwards reaches a stored block. The world's hub is in
/// Amsterdam and was created on 2 February 2026; the clock starts on 2 March 2026.
/// </summary>
public sealed class PublishClosedPeriodsHandlerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset InFebruary = new(2026, 2, 10, 9, 0, 0, TimeSpan.Zero);

    private ClientWorld _world = null!;

    public async Task InitializeAsync() => _world = await ClientWorld.CreateAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private Task<IReadOnlyList<PublicationOutcome>> PublishAsync(DateTimeOffset now)
    {
        _world.Clock.SetUtcNow(now);
        return _world.RunAsync<PublishClosedPeriodsHandler, IReadOnlyList<PublicationOutcome>>(h => h.Handle(new PublishClosedPeriodsCommand(), CancellationToken.None));
    }

    private Task<List<(string Key, Guid Id, DateTimeOffset PublishedAt)>> BlocksAsync(Guid? hubId = null) =>
        _world.QueryAsync(async db => (await db.PeriodBlocks.Where(b => b.HubId == (hubId ?? _world.Hub.Id)).OrderBy(b => b.PeriodStart).ToListAsync())
            .Select(b => (b.PeriodKey, b.Id, b.PublishedAt))
            .ToList());

    [Fact]
    public async Task ClosedMonths_ArePublishedOnce_OldestFirst()
    {
        var now = new DateTimeOffset(2026, 5, 10, 8, 0, 0, TimeSpan.Zero);

        var first = await PublishAsync(now);
        var stored = await BlocksAsync();
        var second = await PublishAsync(now.AddDays(1));

        Assert.Equal(["2026-02", "2026-03", "2026-04"], first.Select(o => o.Period));
        Assert.All(first, o => Assert.Equal((_world.Hub.Id, PublicationResult.Published), (o.HubId, o.Result)));
        Assert.Equal(["2026-02", "2026-03", "2026-04"], stored.Select(b => b.Key));
        Assert.All(stored, b => Assert.Equal(now, b.PublishedAt));
        Assert.Empty(second);
        Assert.Equal(stored, await BlocksAsync());
    }

    [Fact]
    public async Task OpenMonth_AndOneWithinItsHourOfGrace_AreNotPublished()
    {
        // March ends at 22:00 UTC on 31 March (midnight, summer time in Amsterdam); its grace ends an hour later.
        var marchEnds = new DateTimeOffset(2026, 3, 31, 22, 0, 0, TimeSpan.Zero);

        var whileOpen = await PublishAsync(marchEnds.AddMinutes(-1));
        var withinGrace = await PublishAsync(marchEnds + ReportingPeriod.Grace - TimeSpan.FromSeconds(1));
        var afterGrace = await PublishAsync(marchEnds + ReportingPeriod.Grace);

        Assert.Equal(["2026-02"], whileOpen.Select(o => o.Period));
        Assert.Empty(withinGrace);
        Assert.Equal(["2026-03"], afterGrace.Select(o => o.Period));
    }

    [Fact]
    public async Task HubSwitchedToQuarters_NeverPublishesAQuarterOverlappingItsMonths_AndPublishesTheNextOne()
    {
        await PublishAsync(new DateTimeOffset(2026, 5, 10, 8, 0, 0, TimeSpan.Zero));
        await _world.QueryAsync(async db =>
        {
            var hub = await db.Hubs.AsTracking().SingleAsync(h => h.Id == _world.Hub.Id);
            hub.ChangeSettings(hub.Settings.WithReportingPeriod(ReportingPeriodLength.Quarter));
            return await db.SaveChangesAsync();
        });

        var july = await PublishAsync(new DateTimeOffset(2026, 7, 5, 8, 0, 0, TimeSpan.Zero));
        var october = await PublishAsync(new DateTimeOffset(2026, 10, 5, 8, 0, 0, TimeSpan.Zero));

        Assert.Equal([("2026-Q1", PublicationResult.OverlapsPublishedPeriod), ("2026-Q2", PublicationResult.OverlapsPublishedPeriod)], july.Select(o => (o.Period, o.Result)));
        Assert.Equal(
            [("2026-Q1", PublicationResult.OverlapsPublishedPeriod), ("2026-Q2", PublicationResult.OverlapsPublishedPeriod), ("2026-Q3", PublicationResult.Published)],
            october.Select(o => (o.Period, o.Result)));
        Assert.Equal(["2026-02", "2026-03", "2026-04", "2026-Q3"], (await BlocksAsync()).Select(b => b.Key));
    }

    [Fact]
    public async Task DeletionMoveDeactivationAndLateAnswer_AfterPublication_LeaveEveryStoredCellAsItWas()
    {
        var survey = await _world.InScopeAsync(s => Task.FromResult(s.GetRequiredService<ISurveyCatalogue>().Current(Measure.Wellbeing)));
        var sales = Department("Sales", 20, 40, 60, 80, 24, 44);
        var ops = Department("Ops", 12, 32, 52, 72, 92, 48);
        var finance = Department("Finance", 8, 36, 56, 76, 96);
        sales[0].Member.LinkAccount("user-sales-0");
        await _world.SeedAsync([.. sales.Concat(ops).Concat(finance).Select(p => p.Member)]);
        await _world.SeedAsync([
            .. sales.Concat(ops).Concat(finance).Select((p, i) => Answer(p.Member, InFebruary.AddHours(i), p.Score)),
            Answer(_world.Member, InFebruary, 64),
            Answer(_world.OtherMember, InFebruary, 28)]);
        await PublishAsync(ClientWorld.Start);
        var february = ReportingPeriod.Containing(InFebruary, ReportingPeriodLength.Month, _world.Hub.TimeZoneId);
        var published = await StoredCellsAsync(february);

        await _world.RunAsync<DeleteMyAccountHandler>(h => h.Handle(new DeleteMyAccountCommand("user-sales-0"), CancellationToken.None));
        await _world.QueryAsync(db => db.Members.Where(m => m.Id == ops[0].Member.Id).ExecuteUpdateAsync(u => u.SetProperty(m => m.Department, "Sales")));
        await _world.QueryAsync(async db =>
        {
            (await db.Members.AsTracking().SingleAsync(m => m.Id == finance[0].Member.Id)).Deactivate(ClientWorld.Start.AddDays(1));
            return await db.SaveChangesAsync();
        });
        await _world.SeedAsync(Answer(_world.OtherMember, InFebruary.AddDays(17), 100));
        var outcomes = await PublishAsync(new DateTimeOffset(2026, 4, 2, 8, 0, 0, TimeSpan.Zero));

        Assert.Equal(["2026-03"], outcomes.Select(o => o.Period));
        Assert.Equal(published, await StoredCellsAsync(february));

        // Computed now, February would read differently: only the stored block keeps the figures HR has seen.
        var recomputed = await _world.InScopeAsync(async s => BlockComposer.Compose(
            await s.GetRequiredService<IPeriodSource>().ReadAsync(_world.Hub.Id, february, CancellationToken.None), _world.Hub.Settings));
        var stored = await _world.QueryAsync(db => db.PeriodBlocks.SingleAsync(b => b.HubId == _world.Hub.Id && b.PeriodStart == february.Start));
        Assert.NotEqual(Figures(stored.Cells), Figures(recomputed));
        Assert.Contains(stored.Cells, c => c.Scope == Scope.OfDepartment("Sales") && !c.IsHidden);

        (Member Member, decimal Score)[] Department(string name, params decimal[] scores) =>
            [.. scores.Select((score, i) => (new Member(_world.Hub.Id, $"{name} {i}", $"{name.ToLowerInvariant()}{i}@example.org", _world.Hub.CreatedAt, name), score))];

        Submission Answer(Member member, DateTimeOffset at, decimal score) =>
            Submission.ForWellbeing(_world.Hub.Id, member.Id, survey, Who5(score), at);
    }

    [Fact]
    public async Task ConflictWithAConcurrentRun_IsReportedAsPublishedByAnotherRun_AndStopsOnlyThatHub()
    {
        var other = new Hub("Zeta Wellbeing", "Zeta", "zeta", "Europe/Amsterdam", _world.Hub.CreatedAt);
        await _world.SeedAsync(other);
        _world.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 5, 8, 0, 0, TimeSpan.Zero));
        Guid? rival = null;

        var outcomes = await _world.InScopeAsync(s => new PublishClosedPeriodsHandler(
                s.GetRequiredService<IRepository<Hub>>(),
                s.GetRequiredService<IRepository<PeriodBlock>>(),
                new RacingSource(s.GetRequiredService<IPeriodSource>(), async (hubId, period) =>
                {
                    // Another job server stores the same period while this run is computing it.
                    var block = new PeriodBlock(hubId, period, _world.Clock.GetUtcNow(), PrivacyThresholds.For(_world.Hub.Settings), []);
                    await _world.SeedAsync(block);
                    rival = block.Id;
                }),
                s.GetRequiredService<IUnitOfWork>(),
                s.GetRequiredService<TimeProvider>())
            .Handle(new PublishClosedPeriodsCommand(), CancellationToken.None));
        var next = await PublishAsync(_world.Clock.GetUtcNow().AddHours(1));

        Assert.Equal(
            [(_world.Hub.Id, "2026-02", PublicationResult.PublishedByAnotherRun), (other.Id, "2026-02", PublicationResult.Published), (other.Id, "2026-03", PublicationResult.Published)],
            outcomes.Select(o => (o.HubId, o.Period, o.Result)));
        Assert.Equal([(_world.Hub.Id, "2026-03", PublicationResult.Published)], next.Select(o => (o.HubId, o.Period, o.Result)));
        Assert.Equal([("2026-02", rival!.Value), ("2026-03", (await BlocksAsync())[1].Id)], (await BlocksAsync()).Select(b => (b.Key, b.Id)));
        Assert.Equal(["2026-02", "2026-03"], (await BlocksAsync(other.Id)).Select(b => b.Key));
    }

    /// <summary>Every stored column of every cell of the hub's block for the period, as SQLite gives them back.</summary>
    private Task<List<string>> StoredCellsAsync(ReportingPeriod period) => _world.QueryAsync(async db =>
    {
        var block = await db.PeriodBlocks.SingleAsync(b => b.HubId == _world.Hub.Id && b.PeriodStart == period.Start);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT c.*, b.* FROM PeriodCells c JOIN PeriodBlocks b ON b.Id = c.PeriodBlockId WHERE c.PeriodBlockId = $block ORDER BY c.Id";
        var parameter = command.CreateParameter();
        (parameter.ParameterName, parameter.Value) = ("$block", block.Id.ToString().ToUpperInvariant());
        command.Parameters.Add(parameter);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => $"{reader.GetName(i)}={Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)}")));
        }

        Assert.Equal(block.Cells.Count, rows.Count);
        return rows;
    });

    private static List<(string, Scope, string?, decimal?, int?)> Figures(IEnumerable<Cell> cells) =>
        [.. cells.Select(c => (c.Metric, c.Scope, c.Category, c.Value, c.People))];

    /// <summary>WHO-5 answers (five items, 0-5 each) whose raw sum times four is <paramref name="score"/>.</summary>
    private static Dictionary<string, int?> Who5(decimal score)
    {
        var raw = (int)score / 4;
        return Answers.Who5([.. Enumerable.Range(0, 5).Select(i => (int?)Math.Clamp(raw - (5 * i), 0, 5))]);
    }

    /// <summary>The real period source, with <paramref name="meanwhile"/> run once as the first period is read.</summary>
    private sealed class RacingSource(IPeriodSource inner, Func<Guid, ReportingPeriod, Task> meanwhile) : IPeriodSource
    {
        private bool _raced;

        public async Task<PeriodStatistics> ReadAsync(Guid hubId, ReportingPeriod period, CancellationToken cancellationToken)
        {
            if (!_raced)
            {
                _raced = true;
                await meanwhile(hubId, period);
            }

            return await inner.ReadAsync(hubId, period, cancellationToken);
        }
    }
}
