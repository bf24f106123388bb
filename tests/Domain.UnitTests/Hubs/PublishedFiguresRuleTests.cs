using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Statistics;

namespace Wellbeing.Domain.UnitTests.Hubs;

/// <summary>Once HR figures are published, k, k_dist and the reporting period may be raised but never lowered.</summary>
public class PublishedFiguresRuleTests
{
    private static readonly HubSettings Current = HubSettings.Defaults().WithPrivacy(6, 12).WithReportingPeriod(ReportingPeriodLength.Quarter);

    /// <summary>What the hub's published blocks were made with: its current settings.</summary>
    private static readonly PrivacyThresholds Published = new(6, 12);

    [Fact]
    public void AKRaisedByMistakeAfterPublication_MayGoBackToWhatThePublishedBlocksUsed_ButNotBelow()
    {
        var mistaken = Current.WithPrivacy(HubSettings.MaximumK, HubSettings.MaximumKDistribution);

        Assert.Empty(PublishedFiguresRule.Refusals(mistaken, Current, Published));
        Assert.Equal([HubField.K, HubField.KDistribution], PublishedFiguresRule.Refusals(mistaken, Current.WithPrivacy(5, 11), Published).Select(r => r.Field));
    }

    [Fact]
    public void TheStrictestThresholds_AreTheHighestKAndKDistOfAnyPublishedBlock()
    {
        Assert.Null(PublishedFiguresRule.Strictest([]));
        Assert.Equal(new PrivacyThresholds(7, 12), PublishedFiguresRule.Strictest([new(5, 12), new(7, 10)]));
    }

    [Fact]
    public void LoweringKAndKDistAndShorteningThePeriod_AfterPublication_IsRefusedPerField()
    {
        var proposed = Current.WithPrivacy(5, 11).WithReportingPeriod(ReportingPeriodLength.Month);

        var refusals = PublishedFiguresRule.Refusals(Current, proposed, Published);

        Assert.Equal([HubField.K, HubField.KDistribution, HubField.ReportingPeriod], refusals.Select(r => r.Field));
        Assert.Contains("k cannot go below 6", refusals[0].Message);
        Assert.Contains("k_dist cannot go below 12", refusals[1].Message);
    }

    [Fact]
    public void LoweringOnlyKDist_AfterPublication_IsRefusedForThatFieldAlone()
    {
        var refusals = PublishedFiguresRule.Refusals(Current, Current.WithPrivacy(6, 6), Published);

        Assert.Equal(HubField.KDistribution, Assert.Single(refusals).Field);
    }

    [Fact]
    public void Raising_AfterPublication_IsAllowed()
    {
        var monthly = HubSettings.Defaults();
        var raised = monthly.WithPrivacy(monthly.K + 1, monthly.KDistribution + 5).WithReportingPeriod(ReportingPeriodLength.Quarter);

        Assert.Empty(PublishedFiguresRule.Refusals(monthly, raised, new PrivacyThresholds(monthly.K, monthly.KDistribution)));
    }

    [Fact]
    public void KeepingTheValues_AfterPublication_IsAllowed()
    {
        Assert.Empty(PublishedFiguresRule.Refusals(Current, Current.WithLowParticipationPercent(40), Published));
    }

    [Fact]
    public void Lowering_BeforeAnyPublication_IsAllowed()
    {
        var lowered = Current.WithPrivacy(HubSettings.MinimumK, HubSettings.MinimumK).WithReportingPeriod(ReportingPeriodLength.Month);

        Assert.Empty(PublishedFiguresRule.Refusals(Current, lowered, published: null));
    }

    [Fact]
    public void AnotherTimeZone_AfterPublication_IsRefused_TheSameOneOrBeforePublicationIsNot()
    {
        Assert.Equal(HubField.TimeZoneId, PublishedFiguresRule.TimeZoneRefusal("Europe/London", "Asia/Tokyo", figuresPublished: true)?.Field);
        Assert.Null(PublishedFiguresRule.TimeZoneRefusal("Europe/London", "Europe/London", figuresPublished: true));
        Assert.Null(PublishedFiguresRule.TimeZoneRefusal("Europe/London", "Asia/Tokyo", figuresPublished: false));
    }
}
