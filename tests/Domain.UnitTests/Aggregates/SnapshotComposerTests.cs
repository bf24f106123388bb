using Wellbeing.Domain.Aggregates;
using Wellbeing.Domain.Hubs;

namespace Wellbeing.Domain.UnitTests.Aggregates;

public class SnapshotComposerTests
{
    private static readonly HubSettings Settings = HubSettings.Defaults();
    private static readonly IReadOnlyList<ReportingMonth> Months = ReportingMonth.Between(
        new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 5, 20, 0, 0, 0, TimeSpan.Zero), "UTC");

    [Fact]
    public void ReportingMonths_FollowTheHubsTimeZone()
    {
        var months = ReportingMonth.Between(new DateTimeOffset(2026, 1, 31, 23, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 2, 2, 0, 0, 0, TimeSpan.Zero), "Europe/Copenhagen");

        // 23:30 UTC on 31 January is already February in Copenhagen.
        Assert.Equal("2026-02", Assert.Single(months).Key);
        Assert.Equal(new DateTimeOffset(2026, 1, 31, 23, 0, 0, TimeSpan.Zero), months[0].Start);
    }

    [Fact]
    public void HiddenMonth_IsLeftOutOfTheAllTimeMean()
    {
        var cells = Compose(Hub(month3: new MonthFigures("A", "2026-05", 4 * 0m, 4, 4)));
        var other = Compose(Hub(month3: new MonthFigures("A", "2026-05", 4 * 100m, 4, 4)));

        Assert.Null(Cell(cells, Metrics.WellbeingMean, period: "2026-05").Value);
        Assert.Equal(Cell(cells, Metrics.WellbeingMean).Value, Cell(other, Metrics.WellbeingMean).Value);
        Assert.Equal(50m, Cell(cells, Metrics.WellbeingMean).Value);
    }

    [Fact]
    public void ParticipationAndMeans_OfTheHub_ArePublished()
    {
        var cells = Compose(Hub());

        Assert.Equal(12m, Cell(cells, Metrics.Enrolled).Value);
        Assert.Equal(10m, Cell(cells, Metrics.Responded).Value);
        Assert.Equal(83m, Cell(cells, Metrics.ParticipationRate).Value);
        Assert.Equal(50m, Cell(cells, Metrics.WellbeingMean, period: "2026-03").Value);
    }

    [Fact]
    public void AllianceMean_IsOnlyForTheWholeHub()
    {
        var cells = Compose(Hub());

        Assert.Equal(5.5m, Cell(cells, Metrics.AllianceMean).Value);
        Assert.DoesNotContain(cells, c => c.Metric == Metrics.AllianceMean && c.Segment is not null);
    }

    /// <summary>Property: for random hubs no published cell rests on fewer than k people (k_dist for shares).</summary>
    [Fact]
    public void RandomHubs_PublishNoCellFromFewerThanKPeople()
    {
        var random = new Random(2026);
        for (var run = 0; run < 500; run++)
        {
            var settings = HubSettings.Defaults().WithPrivacy(random.Next(3, 7), random.Next(7, 13));
            var thresholds = PrivacyThresholds.For(settings);
            string?[] departments = [.. Enumerable.Range(0, random.Next(1, 6)).Select(i => $"D{i}"), null];
            var responders = new List<ResponderFigures>();
            var months = new List<MonthFigures>();
            var enrolment = new List<EnrolmentFigures>();
            foreach (var department in departments)
            {
                var people = random.Next(0, 14);
                for (var p = 0; p < people; p++)
                {
                    responders.Add(new ResponderFigures(department, random.Next(1, 6), random.Next(0, 101), random.Next(0, 101)));
                }

                enrolment.Add(new EnrolmentFigures(department, people + random.Next(0, 4), people));
                foreach (var month in Months)
                {
                    var inMonth = random.Next(0, people + 1);
                    if (inMonth > 0)
                    {
                        months.Add(new MonthFigures(department, month.Key, inMonth * random.Next(0, 101), inMonth + random.Next(0, 3), inMonth));
                    }
                }
            }

            var statistics = new HubStatistics(enrolment, months, responders, new MeanFigures(random.Next(0, 50), 7, random.Next(0, 9)));
            var publishable = SnapshotComposer.PublishableMonths(statistics, thresholds);
            var cells = SnapshotComposer.Compose(statistics, Months, publishable, new Dictionary<string, int>(), settings);

            foreach (var cell in cells.Where(c => !c.IsSuppressed))
            {
                var needed = cell.Metric is Metrics.WellbeingDistribution or Metrics.WellbeingTrend ? thresholds.KDistribution : thresholds.K;
                Assert.True(cell.People >= needed, $"{cell.Metric} {cell.Segment} {cell.Period} {cell.Category} rests on {cell.People}");
            }

            // The hidden departments of any figure, together, are none or at least k: "hub minus the shown" stays a group.
            foreach (var figure in cells.Where(c => c.Segment is not null && c.Metric != Metrics.Enrolled).GroupBy(c => (c.Metric, c.Period, c.Category)))
            {
                var hub = cells.Single(c => c.Segment is null && (c.Metric, c.Period, c.Category) == figure.Key);
                if (hub.IsSuppressed || figure.All(c => c.IsSuppressed))
                {
                    continue;
                }

                var hidden = hub.People!.Value - figure.Where(c => !c.IsSuppressed).Sum(c => c.People!.Value);
                Assert.True(hidden == 0 || hidden >= thresholds.K || figure.Key.Metric == Metrics.WellbeingMean && figure.Key.Period is null, $"{figure.Key} leaves {hidden} hidden");
            }
        }
    }

    [Fact]
    public void DepartmentsWithoutNewFigures_KeepTheCellsOfThePreviousSnapshot_DatedWhenTheyWereComputed()
    {
        var firstAsOf = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
        var first = new Snapshot(Guid.NewGuid(), firstAsOf, 5, 10, 20, [
            new Aggregate(Metrics.WellbeingMean, 50, 10),
            new Aggregate(Metrics.WellbeingMean, 60, 6, Segments.Department("Sales")),
            new Aggregate(Metrics.WellbeingMean, 40, 6, Segments.Department("Ops")),
            new Aggregate(Metrics.WellbeingMean, 30, 5, Segments.Department("Gone")),
        ]);
        IReadOnlyList<Aggregate> fresh = [
            new Aggregate(Metrics.WellbeingMean, 55, 12),
            new Aggregate(Metrics.WellbeingMean, 70, 7, Segments.Department("Sales")),
            new Aggregate(Metrics.WellbeingMean, 35, 7, Segments.Department("Ops")),
        ];

        var kept = SnapshotComposer.KeepEarlierFigures(fresh, first, new HashSet<string> { Segments.Department("Ops") });
        var second = new Snapshot(first.HubId, firstAsOf.AddDays(7), 5, 10, 25, kept);
        var keptAgain = SnapshotComposer.KeepEarlierFigures(fresh, second, new HashSet<string>());

        Assert.Equal(55m, Cell(kept, Metrics.WellbeingMean).Value);
        Assert.Null(Cell(kept, Metrics.WellbeingMean).AsOf);
        Assert.Equal(35m, Cell(kept, Metrics.WellbeingMean, Segments.Department("Ops")).Value);
        Assert.Equal((60m, 6, firstAsOf), (Cell(kept, Metrics.WellbeingMean, Segments.Department("Sales")) is var sales ? (sales.Value, sales.People, sales.AsOf) : default));
        Assert.DoesNotContain(kept, c => c.Segment == Segments.Department("Gone"));
        Assert.Equal(firstAsOf, Cell(keptAgain, Metrics.WellbeingMean, Segments.Department("Sales")).AsOf);
        Assert.Equal(second.AsOf, Cell(keptAgain, Metrics.WellbeingMean, Segments.Department("Ops")).AsOf);
    }

    private static HubStatistics Hub(MonthFigures? month3 = null)
    {
        List<MonthFigures> months = [new("A", "2026-03", 6 * 50m, 6, 6), new("A", "2026-04", 6 * 50m, 6, 6)];
        if (month3 is not null)
        {
            months.Add(month3);
        }

        var responders = Enumerable.Range(0, 10).Select(i => new ResponderFigures("A", 2, 40, 40 + i * 5)).ToList();
        return new HubStatistics([new EnrolmentFigures("A", 12, 10)], months, responders, new MeanFigures(55m, 10, 6));
    }

    private static IReadOnlyList<Aggregate> Compose(HubStatistics statistics)
    {
        var thresholds = PrivacyThresholds.For(Settings);
        var publishable = SnapshotComposer.PublishableMonths(statistics, thresholds);
        var people = SnapshotComposer.ScopesNeedingPeopleCount(statistics, publishable).ToDictionary(s => s, _ => 6);
        return SnapshotComposer.Compose(statistics, Months, publishable, people, Settings);
    }

    private static Aggregate Cell(IReadOnlyList<Aggregate> cells, string metric, string? segment = null, string? period = null, string? category = null) =>
        cells.Single(c => c.Metric == metric && c.Segment == segment && c.Period == period && c.Category == category);
}
