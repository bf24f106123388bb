using Wellbeing.Domain.Hubs;

namespace Wellbeing.Domain.UnitTests.Hubs;

public class AllianceCadenceTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(17)]
    public void EverySession_InvitesEverySession(int sessionNumber)
    {
        Assert.True(AllianceCadence.EverySession.Invites(sessionNumber));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(4, true)]
    public void EverySecondSession_InvitesEvenSessionsOnly(int sessionNumber, bool invites)
    {
        Assert.Equal(invites, AllianceCadence.EverySecondSession.Invites(sessionNumber));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(4, false)]
    [InlineData(5, false)]
    [InlineData(6, true)]
    public void EveryThirdSession_InvitesEachThirdSession(int sessionNumber, bool invites)
    {
        Assert.Equal(invites, AllianceCadence.EveryThirdSession.Invites(sessionNumber));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void SessionNumberBelowOne_IsRejected(int sessionNumber)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AllianceCadence.EverySession.Invites(sessionNumber));
    }
}
