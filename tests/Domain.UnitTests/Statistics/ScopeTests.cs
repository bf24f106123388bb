using Wellbeing.Domain.Common;
using Wellbeing.Domain.Statistics;

namespace Wellbeing.Domain.UnitTests.Statistics;

public class ScopeTests
{
    [Fact]
    public void WholeHub_HasNoDepartment()
    {
        Assert.True(Scope.WholeHub.IsWholeHub);
        Assert.Null(Scope.WholeHub.Department);
        Assert.Equal("Whole hub", Scope.WholeHub.ToString());
    }

    [Fact]
    public void Department_IsNamedWithoutSurroundingSpaces_AndEqualsItself()
    {
        var sales = Scope.OfDepartment("  Sales ");

        Assert.False(sales.IsWholeHub);
        Assert.Equal("Sales", sales.Department);
        Assert.Equal(Scope.OfDepartment("Sales"), sales);
        Assert.NotEqual(Scope.WholeHub, sales);
        Assert.NotEqual(Scope.OfDepartment("sales"), sales);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Department_WithoutAName_IsRefused(string name) =>
        Assert.Throws<DomainException>(() => Scope.OfDepartment(name));
}
