using Wellbeing.Domain.Common;
using Wellbeing.Domain.Members;

namespace Wellbeing.Domain.UnitTests.Members;

public class MemberChangeTests
{
    private static readonly DateTimeOffset Enrolled = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static Member New(string? department = "Sales") => new(Guid.NewGuid(), "Ada Example", "ada@example.test", Enrolled, department);

    [Fact]
    public void Reactivate_AfterDeactivation_MakesTheMemberActive_AndKeepsTheirEnrolment()
    {
        var member = New();
        member.Deactivate(Enrolled.AddDays(30));

        member.Reactivate();

        Assert.True(member.IsActive);
        Assert.Null(member.DeactivatedAt);
        Assert.Equal(Enrolled, member.EnrolledAt);
    }

    [Fact]
    public void Reactivate_AnActiveMember_ChangesNothing()
    {
        var member = New();

        member.Reactivate();

        Assert.True(member.IsActive);
    }

    [Fact]
    public void Deactivate_Twice_KeepsTheFirstTime()
    {
        var member = New();

        member.Deactivate(Enrolled.AddDays(30));
        member.Deactivate(Enrolled.AddDays(40));

        Assert.Equal(Enrolled.AddDays(30), member.DeactivatedAt);
    }

    [Theory]
    [InlineData("Engineering", "Engineering")]
    [InlineData("  Customer   Care ", "Customer Care")]
    [InlineData("Research\u00a0and development", "Research and development")]
    [InlineData("Sales\tEngineering", "Sales Engineering")]
    [InlineData("Sales\r\nEngineering", "Sales Engineering")]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void ChangeDepartment_StoresTheNameTrimmedWithSingleSpaces_OrNoneWhenEmpty(string? typed, string? stored)
    {
        var member = New();

        member.ChangeDepartment(typed);

        Assert.Equal(stored, member.Department);
    }

    [Theory]
    [InlineData("Sales\u0000")]
    [InlineData("Sales\u0007Engineering")]
    [InlineData("Sales\u001bEngineering")]
    public void ChangeDepartment_WithAControlCharacter_IsRefused_AndKeepsTheDepartment(string typed)
    {
        var member = New();

        var refused = Assert.Throws<DomainException>(() => member.ChangeDepartment(typed));

        Assert.Contains("control characters", refused.Message);
        Assert.Equal("Sales", member.Department);
    }

    [Fact]
    public void ChangeDepartment_OverTheLongestName_IsRefused_AndAtItIsKept()
    {
        var member = New();

        Assert.Throws<DomainException>(() => member.ChangeDepartment(new string('x', Member.DepartmentMaxLength + 1)));
        member.ChangeDepartment(new string('x', Member.DepartmentMaxLength));

        Assert.Equal(Member.DepartmentMaxLength, member.Department?.Length);
    }

    [Fact]
    public void NewMember_NormalisesTheDepartmentAsAChangeWould()
    {
        Assert.Equal("Customer Care", New("  Customer  Care").Department);
    }
}
