using Wellbeing.Domain.Aggregates;
using Wellbeing.Domain.Common;

namespace Wellbeing.Domain.UnitTests.Aggregates;

public class AggregateTests
{
    [Fact]
    public void ValueWithoutPeople_IsRejected()
    {
        Assert.Throws<DomainException>(() => new Aggregate("wellbeing.mean", 64m, people: null));
    }

    [Fact]
    public void PeopleWithoutValue_IsRejected()
    {
        Assert.Throws<DomainException>(() => new Aggregate("wellbeing.mean", value: null, people: 7));
    }

    [Fact]
    public void PublishedCell_HasItsValueAndPeople()
    {
        var cell = new Aggregate("wellbeing.mean", 64m, 7, segment: "department=Sales", period: "2026-05");

        Assert.False(cell.IsSuppressed);
        Assert.Equal((64m, 7), (cell.Value, cell.People));
        Assert.Equal(("department=Sales", "2026-05"), (cell.Segment, cell.Period));
    }

    [Fact]
    public void SuppressedCell_HasNeitherValueNorPeople()
    {
        var cell = new Aggregate("wellbeing.mean", value: null, people: null, segment: "department=Legal");

        Assert.True(cell.IsSuppressed);
        Assert.Null(cell.Value);
        Assert.Null(cell.People);
    }

    [Fact]
    public void Snapshot_KeepsTheRulesItWasComputedWith_AndItsCells()
    {
        var hubId = Guid.NewGuid();
        var asOf = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        Aggregate[] cells = [new("wellbeing.mean", 64m, 12), new("wellbeing.mean", null, null, segment: "department=Legal")];

        var snapshot = new Snapshot(hubId, asOf, k: 5, kDistribution: 10, contributors: 12, cells);

        Assert.Equal((hubId, asOf, 5, 10, 12), (snapshot.HubId, snapshot.AsOf, snapshot.K, snapshot.KDistribution, snapshot.Contributors));
        Assert.Equal(cells, snapshot.Aggregates);
    }
}
