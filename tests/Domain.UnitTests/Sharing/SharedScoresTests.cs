using Wellbeing.Domain.Common;
using Wellbeing.Domain.Sharing;

namespace Wellbeing.Domain.UnitTests.Sharing;

public class SharedScoresTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid Hub = Guid.NewGuid();
    private static readonly Guid Member = Guid.NewGuid();
    private static readonly Guid Professional = Guid.NewGuid();
    private static readonly Guid OtherProfessional = Guid.NewGuid();

    [Fact]
    public void ActiveWellbeingGrant_ShowsTheLatestTwoIndexes_WhateverProfessionalsTheyMention()
    {
        var rows = SharedScores.Derive(
            [Grant(Measure.Wellbeing)],
            [Wellbeing(day: 1, score: 40), Wellbeing(day: 15, score: 60), Wellbeing(day: 8, score: 52)]);

        Assert.Equal(Expected(Measure.Wellbeing, 60, 52), Row(Assert.Single(rows)));
    }

    [Fact]
    public void AllianceGrant_ShowsOnlyRatingsAboutThatProfessional()
    {
        var rows = SharedScores.Derive(
            [Grant(Measure.Alliance)],
            [Alliance(Professional, day: 1, score: 5.5m), Alliance(OtherProfessional, day: 9, score: 2m), Alliance(Professional, day: 3, score: 6m)]);

        Assert.Equal(Expected(Measure.Alliance, 6, 5.5m), Row(Assert.Single(rows)));
    }

    [Fact]
    public void RevokedGrant_ShowsNothing_AndNoScoresYet_ShowsAnEmptyRow()
    {
        var revoked = Grant(Measure.Wellbeing);
        revoked.Revoke(Start.AddDays(2));

        Assert.Empty(SharedScores.Derive([revoked], [Wellbeing(day: 1, score: 40)]));
        Assert.Equal(Expected(Measure.Alliance, null, null), Row(Assert.Single(SharedScores.Derive([Grant(Measure.Alliance)], [Wellbeing(day: 1, score: 40)]))));
    }

    [Fact]
    public void TwoActiveGrantsForOneMeasure_GiveOneRow()
    {
        Assert.Single(SharedScores.Derive([Grant(Measure.Wellbeing), Grant(Measure.Wellbeing)], [Wellbeing(day: 1, score: 40)]));
    }

    [Fact]
    public void ScoresAtTheSameInstant_RankTheSame_InAnyInputOrder()
    {
        var first = Wellbeing(day: 4, score: 40);
        var second = Wellbeing(day: 4, score: 80);

        Assert.Equal(Row(SharedScores.Derive([Grant(Measure.Wellbeing)], [first, second])[0]), Row(SharedScores.Derive([Grant(Measure.Wellbeing)], [second, first])[0]));
    }

    [Fact]
    public void Take_RowOfAnotherKey_IsRefused()
    {
        var row = new SharedScore(Member, Professional, Measure.Wellbeing, 40, null);

        Assert.Throws<DomainException>(() => row.Take(new SharedScore(Member, OtherProfessional, Measure.Wellbeing, 60, 40)));
    }

    private static ShareGrant Grant(Measure measure) => new(Hub, Member, Professional, measure, Start);

    private static SubmittedScore Wellbeing(int day, decimal score) => new(Guid.NewGuid(), Member, Measure.Wellbeing, null, Start.AddDays(day), score);

    private static SubmittedScore Alliance(Guid professional, int day, decimal score) => new(Guid.NewGuid(), Member, Measure.Alliance, professional, Start.AddDays(day), score);

    private static (Guid, Guid, Measure, decimal?, decimal?) Expected(Measure measure, decimal? latest, decimal? previous) => (Member, Professional, measure, latest, previous);

    private static (Guid, Guid, Measure, decimal?, decimal?) Row(SharedScore row) => (row.MemberId, row.ProfessionalId, row.Measure, row.Latest, row.Previous);
}
