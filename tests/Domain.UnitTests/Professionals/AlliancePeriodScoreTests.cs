using Wellbeing.Domain.Common;
using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Statistics;

namespace Wellbeing.Domain.UnitTests.Professionals;

public class AlliancePeriodScoreTests
{
    private static readonly Guid Professional = Guid.NewGuid();
    private static readonly DateTimeOffset PublishedAt = new(2026, 4, 8, 2, 0, 0, TimeSpan.Zero);
    private static readonly ReportingPeriod March = new("2026-03", new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero));

    private static readonly AllianceSubscaleSum[] Subscales = [new("bond", 16.5m, 3), new("partnership", 10.25m, 2)];

    [Fact]
    public void Publish_Shown_StoresTheMeanOfEveryRating_ToTheNearestHalfPoint()
    {
        var score = AlliancePeriodScore.Publish(Professional, March, PublishedAt, 5, new AllianceMonthStatistics(6, 5, 31.01m, 6, Subscales));

        Assert.False(score.IsHidden);
        Assert.Equal(5.0m, score.Mean); // 5.17
        Assert.Equal("2026-03", score.PeriodKey);
        Assert.Equal(March.Start, score.PeriodStart);
        Assert.Equal(March.End, score.PeriodEnd);
        Assert.Equal(PublishedAt, score.PublishedAt);
        Assert.Equal(5, score.K);
    }

    [Fact]
    public void Publish_Shown_RoundsToHalfPointsAwayFromZero_InTheSubscalesToo()
    {
        var score = AlliancePeriodScore.Publish(Professional, March, PublishedAt, 3, new AllianceMonthStatistics(4, 3, 23m, 4, Subscales));

        Assert.Equal(6.0m, score.Mean); // 5.75 rounds up, away from zero
        Assert.Equal([new AllianceSubscaleMean("bond", 5.5m), new AllianceSubscaleMean("partnership", 5.0m)], score.Subscales); // 5.5, 5.125
    }

    [Fact]
    public void Publish_ExactlyKInvitedAllAnswering_IsHidden()
    {
        var score = AlliancePeriodScore.Publish(Professional, March, PublishedAt, 5, new AllianceMonthStatistics(5, 5, 30m, 9, Subscales));

        Assert.True(score.IsHidden);
        Assert.Null(score.Mean);
        Assert.Empty(score.Subscales);
    }

    /// <summary>A hidden month keeps nothing that depends on who answered: none, a few, or all of k invited clients.</summary>
    [Fact]
    public void Publish_Hidden_ReadsTheSameHoweverManyAnswered()
    {
        AllianceMonthStatistics[] worlds =
        [
            new(0, 0, 0m, 0, []),
            new(5, 0, 12m, 2, [new("bond", 12m, 2)]),
            new(5, 4, 40m, 8, Subscales),
            new(5, 5, 50m, 10, Subscales),
        ];

        var scores = worlds.Select(w => AlliancePeriodScore.Publish(Professional, March, PublishedAt, 5, w)).ToList();

        Assert.All(scores, s => Assert.True(s.IsHidden));
        Assert.Single(scores.Select(s => (s.PeriodKey, s.PeriodStart, s.PeriodEnd, s.PublishedAt, s.K, s.Mean, s.Subscales.Count)).Distinct());
    }

    [Theory]
    [InlineData(5, 6, 10)]
    [InlineData(6, 6, 5)]
    public void Publish_RefusesStatisticsThatContradictThemselves(int invited, int raters, int ratings) =>
        Assert.Throws<ArgumentException>(() => AlliancePeriodScore.Publish(Professional, March, PublishedAt, 5, new AllianceMonthStatistics(invited, raters, ratings * 5m, ratings, [])));

    [Fact]
    public void HiddenMonth_WithSubscales_IsRejected() =>
        Assert.Throws<DomainException>(() => new AlliancePeriodScore(Professional, March, PublishedAt, 5, null, [new AllianceSubscaleMean("bond", 5m)]));

    [Fact]
    public void ClosedMonths_WaitForEveryInvitationToExpire_PlusTheGrace()
    {
        var firstInvitation = new DateTimeOffset(2026, 3, 31, 23, 0, 0, TimeSpan.Zero);
        var closes = March.End.AddDays(7) + ReportingPeriod.Grace;

        Assert.Empty(AlliancePeriodScore.ClosedMonths(firstInvitation, closes.AddTicks(-1), invitationExpiryDays: 7));
        Assert.Equal([March], AlliancePeriodScore.ClosedMonths(firstInvitation, closes, invitationExpiryDays: 7));
        Assert.Empty(AlliancePeriodScore.ClosedMonths(firstInvitation, closes, invitationExpiryDays: 30));
    }

    [Fact]
    public void ClosedMonths_AreUtcCalendarMonths_FromTheFirstInvitationsMonth_OldestFirst()
    {
        // An invitation at 00:30 on 1 April in a hub at UTC+2 is still 31 March in UTC.
        var firstInvitation = new DateTimeOffset(2026, 4, 1, 0, 30, 0, TimeSpan.FromHours(2));

        var months = AlliancePeriodScore.ClosedMonths(firstInvitation, new DateTimeOffset(2026, 6, 20, 0, 0, 0, TimeSpan.Zero), invitationExpiryDays: 7);

        Assert.Equal(["2026-03", "2026-04", "2026-05"], months.Select(m => m.Key));
        Assert.Equal(new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero), months[^1].Start);
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), months[^1].End);
    }
}
