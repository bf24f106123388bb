using Wellbeing.Domain.Common;
using Wellbeing.Domain.Statistics;

namespace Wellbeing.Domain.UnitTests.Statistics;

public class CellTests
{
    [Theory]
    [InlineData(50, null)]
    [InlineData(null, 5)]
    public void Cell_WithOnlyOneOfValueAndPeople_IsRefused(int? value, int? people) =>
        Assert.Throws<DomainException>(() => new Cell(Metrics.WellbeingMean, Scope.WholeHub, value, people));

    [Fact]
    public void HiddenCell_HasNeitherValueNorPeople_ButKeepsWhatItDescribes()
    {
        var cell = Cell.Hidden(Metrics.WellbeingDistribution, Scope.OfDepartment("Sales"), "Poor");

        Assert.True(cell.IsHidden);
        Assert.Null(cell.Value);
        Assert.Null(cell.People);
        Assert.Equal((Metrics.WellbeingDistribution, Scope.OfDepartment("Sales"), "Poor"), (cell.Metric, cell.Scope, cell.Category));
    }

    [Fact]
    public void ShownCell_KeepsItsValuePeopleAndScope()
    {
        var department = new Cell(Metrics.Responded, Scope.OfDepartment("Sales"), 7, 7);
        var hub = new Cell(Metrics.WellbeingMean, Scope.WholeHub, 52, 12);

        Assert.False(department.IsHidden);
        Assert.Equal((7m, 7, Scope.OfDepartment("Sales")), (department.Value, department.People, department.Scope));
        Assert.Equal((52m, 12, Scope.WholeHub), (hub.Value, hub.People, hub.Scope));
        Assert.Null(hub.Category);
    }
}
