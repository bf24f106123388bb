using Wellbeing.Domain.Common;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Sessions;
using Wellbeing.Domain.UnitTests.Builders;

namespace Wellbeing.Domain.UnitTests.Sessions;

public class CareSessionTests
{
    /// <summary>GMT in March until the clocks go forward on the 29th.</summary>
    private const string TimeZone = "Europe/London";

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

        var opened = session.End(EndedAt, settings, TimeZone);

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

        var opened = session.End(EndedAt, settings, TimeZone);

        Assert.Equal(invited, opened);
        Assert.True(session.IsEnded);
        Assert.Equal(invited, session.InvitationOpenedAt is not null);
        Assert.Equal(invited, session.InvitationIsOpen(EndedAt));
    }

    [Fact]
    public void EndingTwice_IsHarmless_AndKeepsTheFirstEndTime()
    {
        var session = new CareSessionBuilder().Build();
        session.End(EndedAt, _everySession, TimeZone);

        var openedAgain = session.End(EndedAt.AddMinutes(5), _everySession, TimeZone);

        Assert.False(openedAgain);
        Assert.Equal(EndedAt, session.EndedAt);
        Assert.Equal(EndedAt.AddDays(7), session.InvitationExpiresAt);
    }

    [Fact]
    public void AllianceSubmissionWithinTheInvitation_IsRecorded_AndClosesIt()
    {
        var session = new CareSessionBuilder().Build();
        session.End(EndedAt, _everySession, TimeZone);
        var submissionId = Guid.NewGuid();

        session.RecordAllianceSubmission(submissionId, EndedAt.AddDays(7).AddTicks(-1));

        Assert.Equal(submissionId, session.AllianceSubmissionId);
        Assert.False(session.InvitationIsOpen(EndedAt.AddHours(1)));
    }

    [Fact]
    public void SecondAllianceSubmission_IsRefused()
    {
        var session = new CareSessionBuilder().Build();
        session.End(EndedAt, _everySession, TimeZone);
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
        session.End(EndedAt, _everySession, TimeZone);

        Assert.Throws<DomainException>(() => session.RecordAllianceSubmission(Guid.NewGuid(), EndedAt.AddDays(7)));
        Assert.Null(session.AllianceSubmissionId);
    }

    [Fact]
    public void AllianceSubmissionForASessionThatWasNotInvited_IsRefused()
    {
        var session = new CareSessionBuilder().Numbered(1).Build();
        session.End(EndedAt, new HubSettingsBuilder().WithAllianceCadence(AllianceCadence.EverySecondSession).Build(), TimeZone);

        Assert.Throws<DomainException>(() => session.RecordAllianceSubmission(Guid.NewGuid(), EndedAt.AddHours(1)));
    }

    [Fact]
    public void AllianceSubmissionBeforeTheSessionEnded_IsRefused()
    {
        var session = new CareSessionBuilder().Build();

        Assert.Throws<DomainException>(() => session.RecordAllianceSubmission(Guid.NewGuid(), EndedAt));
    }

    [Fact]
    public void End_MoreThanTheToleranceBeforeTheStart_IsRefused_AndLeavesTheSessionOpen()
    {
        var session = new CareSessionBuilder().Build();

        var refused = Assert.Throws<DomainException>(() => session.End(CareSessionBuilder.ScheduledAt - CareSession.EndTolerance - TimeSpan.FromSeconds(1), _everySession, TimeZone));

        Assert.Equal("This session starts at 09:00 on 2 Mar 2026: it can be marked as ended from 15 minutes before it starts, not earlier.", refused.Message);
        Assert.False(session.IsEnded);
        Assert.Null(session.InvitationOpenedAt);
    }

    [Fact]
    public void End_WithinTheToleranceBeforeTheStart_EndsTheSession()
    {
        var session = new CareSessionBuilder().Build();
        var at = CareSessionBuilder.ScheduledAt - CareSession.EndTolerance;

        Assert.True(session.End(at, _everySession, TimeZone));
        Assert.Equal(at, session.EndedAt);
    }

    [Fact]
    public void End_InvitationExpiry_CountsLocalDays_AcrossTheClocksGoingBack()
    {
        // Ended at 10:00 London summer time on 20 October 2026; the clocks go back on the 25th, so a week later 10:00
        // local is 10:00 UTC, not 09:00 as seven 24-hour days would say.
        var session = new CareSession(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new DateTimeOffset(2026, 10, 20, 8, 0, 0, TimeSpan.Zero), 1);
        var endedAt = new DateTimeOffset(2026, 10, 20, 9, 0, 0, TimeSpan.Zero);

        session.End(endedAt, _everySession, TimeZone);

        Assert.Equal(new DateTimeOffset(2026, 10, 27, 10, 0, 0, TimeSpan.Zero), session.InvitationExpiresAt);
    }
}
