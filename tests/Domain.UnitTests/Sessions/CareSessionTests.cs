using Wellbeing.Domain.Common;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.UnitTests.Builders;

namespace Wellbeing.Domain.UnitTests.Sessions;

public class CareSessionTests
{
    private static readonly DateTimeOffset EndedAt = CareSessionBuilder.ScheduledAt.AddHours(1);

    private readonly HubSettings _everySession = HubSettings.Defaults();

    [Fact]
    public void SessionNumberBelowOne_IsRejected()
    {
        Assert.Throws<DomainException>(new CareSessionBuilder().Numbered(0).Build);
    }

    [Fact]
    public void End_OpensAnInvitation_ThatExpiresAfterTheHubsExpiryDays()
    {
        var session = new CareSessionBuilder().Build();
        var settings = new HubSettingsBuilder().WithInvitationExpiryDays(3).Build();

        var opened = session.End(EndedAt, settings);

        Assert.True(opened);
        Assert.Equal(EndedAt, session.EndedAt);
        Assert.Equal(EndedAt, session.InvitationOpenedAt);
        Assert.Equal(EndedAt.AddDays(3), session.InvitationExpiresAt);
        Assert.True(session.InvitationIsOpen(EndedAt));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(4, true)]
    public void End_OpensAnInvitationOnlyWhenTheCadenceInvitesThisSession(int sessionNumber, bool invited)
    {
        var session = new CareSessionBuilder().Numbered(sessionNumber).Build();
        var settings = new HubSettingsBuilder().WithAllianceCadence(AllianceCadence.EverySecondSession).Build();

        var opened = session.End(EndedAt, settings);

        Assert.Equal(invited, opened);
        Assert.True(session.IsEnded);
        Assert.Equal(invited, session.InvitationOpenedAt is not null);
        Assert.Equal(invited, session.InvitationIsOpen(EndedAt));
    }

    [Fact]
    public void EndingTwice_IsHarmless_AndKeepsTheFirstEndTime()
    {
        var session = new CareSessionBuilder().Build();
        session.End(EndedAt, _everySession);

        var openedAgain = session.End(EndedAt.AddMinutes(5), _everySession);

        Assert.False(openedAgain);
        Assert.Equal(EndedAt, session.EndedAt);
        Assert.Equal(EndedAt.AddDays(7), session.InvitationExpiresAt);
    }

    [Fact]
    public void AllianceSubmissionWithinTheInvitation_IsRecorded_AndClosesIt()
    {
        var session = new CareSessionBuilder().Build();
        session.End(EndedAt, _everySession);
        var submissionId = Guid.NewGuid();

        session.RecordAllianceSubmission(submissionId, EndedAt.AddDays(7).AddTicks(-1));

        Assert.Equal(submissionId, session.AllianceSubmissionId);
        Assert.False(session.InvitationIsOpen(EndedAt.AddHours(1)));
    }

    [Fact]
    public void SecondAllianceSubmission_IsRefused()
    {
        var session = new CareSessionBuilder().Build();
        session.End(EndedAt, _everySession);
        var first = Guid.NewGuid();
        session.RecordAllianceSubmission(first, EndedAt.AddHours(1));

        var exception = Assert.Throws<DomainException>(() => session.RecordAllianceSubmission(Guid.NewGuid(), EndedAt.AddHours(2)));

        Assert.Contains("already been answered", exception.Message);
        Assert.Equal(first, session.AllianceSubmissionId);
    }

    [Fact]
    public void AllianceSubmissionExactlyAtExpiry_IsRefused()
    {
        var session = new CareSessionBuilder().Build();
        session.End(EndedAt, _everySession);

        Assert.Throws<DomainException>(() => session.RecordAllianceSubmission(Guid.NewGuid(), EndedAt.AddDays(7)));
        Assert.Null(session.AllianceSubmissionId);
    }

    [Fact]
    public void AllianceSubmissionForASessionThatWasNotInvited_IsRefused()
    {
        var session = new CareSessionBuilder().Numbered(1).Build();
        session.End(EndedAt, new HubSettingsBuilder().WithAllianceCadence(AllianceCadence.EverySecondSession).Build());

        Assert.Throws<DomainException>(() => session.RecordAllianceSubmission(Guid.NewGuid(), EndedAt.AddHours(1)));
    }

    [Fact]
    public void AllianceSubmissionBeforeTheSessionEnded_IsRefused()
    {
        var session = new CareSessionBuilder().Build();

        Assert.Throws<DomainException>(() => session.RecordAllianceSubmission(Guid.NewGuid(), EndedAt));
    }
}
