using Wellbeing.Domain.Common;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Professionals;

namespace Wellbeing.Domain.UnitTests.Professionals;

/// <summary>Which professionals a member may be connected to, and when a professional may leave a hub.</summary>
public class HubPeopleRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Hub = Guid.NewGuid();
    private static readonly Guid OtherHub = Guid.NewGuid();

    private static Member MemberOf(Guid hubId) => new(hubId, "Ada Example", "ada@example.test", Now.AddDays(-60));

    private static Professional WorkingIn(params Guid[] hubs)
    {
        var professional = new Professional("Dr Grace", "grace@example.test", "Psychologist");
        foreach (var hub in hubs)
        {
            professional.JoinHub(hub, Now.AddDays(-90));
        }

        return professional;
    }

    [Fact]
    public void Between_AMemberAndAProfessionalOfTheirHub_ConnectsThemInThatHub()
    {
        var member = MemberOf(Hub);
        var professional = WorkingIn(OtherHub, Hub);

        var connection = ClientConnection.Between(member, professional, Now);

        Assert.Equal((Hub, member.Id, professional.Id, Now), (connection.HubId, connection.MemberId, connection.ProfessionalId, connection.ConnectedAt));
    }

    [Fact]
    public void Between_AProfessionalOfAnotherHubOnly_IsRefused()
    {
        var refused = Assert.Throws<DomainException>(() => ClientConnection.Between(MemberOf(Hub), WorkingIn(OtherHub), Now));

        Assert.Contains("does not work in this member's hub", refused.Message);
    }

    [Fact]
    public void Between_ADeactivatedMember_IsRefused()
    {
        var member = MemberOf(Hub);
        member.Deactivate(Now.AddDays(-1));

        var refused = Assert.Throws<DomainException>(() => ClientConnection.Between(member, WorkingIn(Hub), Now));

        Assert.Contains("deactivated", refused.Message);
    }

    [Theory]
    [InlineData(1, "1 session")]
    [InlineData(2, "2 sessions")]
    public void EnsureMayEnd_WithOpenSessions_IsRefusedNamingHowMany(int open, string named)
    {
        var refused = Assert.Throws<DomainException>(() => ClientConnection.EnsureMayEnd(open));

        Assert.Contains(named, refused.Message);
    }

    [Fact]
    public void EnsureMayEnd_WithoutOpenSessions_Passes()
    {
        ClientConnection.EnsureMayEnd(0);
    }

    [Fact]
    public void LeaveHub_WithoutClientsThere_LeavesOnlyThatHub()
    {
        var professional = WorkingIn(Hub, OtherHub);

        professional.LeaveHub(Hub, clientsInHub: 0);

        Assert.False(professional.BelongsTo(Hub));
        Assert.True(professional.BelongsTo(OtherHub));
    }

    [Theory]
    [InlineData(1, "1 client ")]
    [InlineData(3, "3 clients")]
    public void LeaveHub_WithClientsThere_IsRefusedNamingHowMany_AndStays(int clients, string named)
    {
        var professional = WorkingIn(Hub);

        var refused = Assert.Throws<DomainException>(() => professional.LeaveHub(Hub, clients));

        Assert.Contains(named, refused.Message);
        Assert.True(professional.BelongsTo(Hub));
    }
}
