using Wellbeing.Domain.Aggregates;
using Wellbeing.Domain.Hubs;

namespace Wellbeing.Domain.UnitTests.Aggregates;

public class PrivacyRulesTests
{
    private static readonly PrivacyThresholds Defaults = PrivacyThresholds.For(HubSettings.Defaults());

    [Theory]
    [InlineData(0, false)]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(40, true)]
    public void Number_NeedsKPeople(int people, bool shown) => Assert.Equal(shown, PrivacyRules.MayShowNumber(people, Defaults));

    [Fact]
    public void Thresholds_NeverFallBelowTheFloor_AndDistributionsNeverBelowK()
    {
        Assert.Equal(new PrivacyThresholds(5, 10), Defaults);
        Assert.Equal(new PrivacyThresholds(7, 12), PrivacyThresholds.For(HubSettings.Defaults().WithPrivacy(7, 12)));
    }

    [Theory]
    [InlineData(new[] { 3, 3, 3 }, false)]
    [InlineData(new[] { 4, 3, 3 }, true)]
    [InlineData(new[] { 10, 0, 0 }, false)]
    [InlineData(new[] { 0, 25, 0 }, false)]
    [InlineData(new[] { 1, 9, 0 }, true)]
    public void Distribution_NeedsKDistPeople_InMoreThanOneCategory(int[] counts, bool shown) =>
        Assert.Equal(shown, PrivacyRules.MayShowDistribution(counts, Defaults));

    [Fact]
    public void Segment_IsHidden_WhenTheRestOfTheHubIsBelowK()
    {
        var shown = PrivacyRules.ShowableParts([GroupPart.Of("A", 10), GroupPart.Of("B", 4)], Defaults, distribution: false);

        Assert.Empty(shown);
    }

    [Fact]
    public void Segments_AreShown_WhenEachAndTheirRestReachK()
    {
        var shown = PrivacyRules.ShowableParts([GroupPart.Of("A", 5), GroupPart.Of("B", 5), GroupPart.Of("C", 6)], Defaults, distribution: false);

        Assert.Equal(["A", "B", "C"], shown.Order());
    }

    [Fact]
    public void OneSmallSegment_HidesTheSmallestOtherOne_SoHubMinusTheShownOnesIsStillKPeople()
    {
        var shown = PrivacyRules.ShowableParts([GroupPart.Of("A", 10), GroupPart.Of("B", 10), GroupPart.Of("C", 6), GroupPart.Of("D", 1)], Defaults, distribution: false);

        Assert.Equal(["A", "B"], shown.Order());
    }

    [Fact]
    public void PeopleWithoutADepartment_AreNeverShown_ButCountAsHidden()
    {
        var shown = PrivacyRules.ShowableParts([GroupPart.Of("A", 10), GroupPart.Of("B", 10), GroupPart.Of(null, 2)], Defaults, distribution: false);

        Assert.Equal(["B"], shown);
    }

    [Fact]
    public void HubBelowK_ShowsNoSegment()
    {
        Assert.Empty(PrivacyRules.ShowableParts([GroupPart.Of("A", 2), GroupPart.Of("B", 2)], Defaults, distribution: false));
    }

    [Fact]
    public void HiddenSegmentsThatTogetherFallInOneBracket_HideAnotherSegment()
    {
        // C is large enough, but on its own it is all Poor; with D hidden too the hidden rest is mixed.
        GroupPart[] parts = [new("A", [4, 4, 4]), new("B", [4, 4, 4]), new("C", [10, 0, 0]), new("D", [0, 6, 6])];

        var shown = PrivacyRules.ShowableParts(parts, Defaults, distribution: true);

        Assert.DoesNotContain("C", shown);
        var hidden = parts.Where(p => !shown.Contains(p.Key!)).ToList();
        Assert.True(PrivacyRules.MayShowDistribution([.. Enumerable.Range(0, 3).Select(i => hidden.Sum(p => p.Counts[i]))], Defaults));
    }

    [Theory]
    [InlineData(5, 0, 5, true)]
    [InlineData(5, 5, 7, true)]
    [InlineData(4, 0, 4, false)]
    [InlineData(6, 1, 6, false)]
    [InlineData(0, 5, 5, true)]
    public void NewSnapshot_NeedsNoneOrKNewPeoplePerMeasure_AndKInAll(int wellbeing, int alliance, int inAll, bool published) =>
        Assert.Equal(published, PrivacyRules.MayPublishNewSnapshot([wellbeing, alliance], inAll, Defaults));

    /// <summary>For random partitions, whatever is shown, every shown part, its rest and the hidden remainder reach the threshold.</summary>
    [Fact]
    public void RandomPartitions_NeverLeaveAGroupBelowTheThreshold()
    {
        var random = new Random(5);
        for (var run = 0; run < 5000; run++)
        {
            var thresholds = PrivacyThresholds.For(HubSettings.Defaults().WithPrivacy(random.Next(3, 8), random.Next(8, 15)));
            var distribution = random.Next(2) == 0;
            var parts = Enumerable.Range(0, random.Next(1, 7))
                .Select(i => new GroupPart(i == 0 && random.Next(3) == 0 ? null : $"S{i}", [.. Enumerable.Range(0, distribution ? 3 : 1).Select(_ => random.Next(0, 9))]))
                .ToList();
            bool Passes(IEnumerable<GroupPart> group)
            {
                var list = group.ToList();
                int[] counts = [.. Enumerable.Range(0, parts[0].Counts.Count).Select(i => list.Sum(p => p.Counts[i]))];
                return distribution ? PrivacyRules.MayShowDistribution(counts, thresholds) : PrivacyRules.MayShowNumber(counts.Sum(), thresholds);
            }

            var shown = PrivacyRules.ShowableParts(parts, thresholds, distribution);

            foreach (var part in parts.Where(p => p.Key is not null && shown.Contains(p.Key)))
            {
                Assert.True(Passes([part]));
                Assert.True(Passes(parts.Where(p => p != part)));
            }

            var hidden = parts.Where(p => p.Key is null || !shown.Contains(p.Key)).ToList();
            Assert.True(shown.Count == 0 || hidden.Sum(p => p.People) == 0 || Passes(hidden));
        }
    }

    [Fact]
    public void Department_WithOneNewRespondent_KeepsItsFigures()
    {
        var renewed = PrivacyRules.DepartmentsWithNewFigures([GroupPart.Of("Sales", 1), GroupPart.Of("Ops", 6), GroupPart.Of("Finance", 5), GroupPart.Of("Legal", 4)], Defaults);

        Assert.Equal(["Finance", "Ops"], renewed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheRestOfTheHub_WithFewerThanKNewRespondents_KeepsTheSmallestRenewableDepartmentBack()
    {
        // Hub minus Ops and Finance would be the one new person in Sales; then two people without a department.
        var loneInSales = PrivacyRules.DepartmentsWithNewFigures([GroupPart.Of("Sales", 1), GroupPart.Of("Ops", 6), GroupPart.Of("Finance", 5)], Defaults);
        var twoWithout = PrivacyRules.DepartmentsWithNewFigures([GroupPart.Of("Ops", 6), GroupPart.Of("Finance", 5), GroupPart.Of(null, 2)], Defaults);

        Assert.Equal(["Ops"], loneInSales);
        Assert.Equal(["Ops"], twoWithout);
    }

    [Fact]
    public void NoDepartment_IsRenewed_WhenNoneHasKNewRespondents()
    {
        Assert.Empty(PrivacyRules.DepartmentsWithNewFigures([GroupPart.Of("Sales", 4), GroupPart.Of("Ops", 4)], Defaults));
        Assert.Equal(["Ops"], PrivacyRules.DepartmentsWithNewFigures([GroupPart.Of("Ops", 5)], Defaults));
    }

    /// <summary>
    /// For random new respondents per department, every department with new figures rests on k new people, and so do
    /// the departments left with their old figures together (nobody counts too: then hub and departments move alike).
    /// </summary>
    [Fact]
    public void RandomNewRespondents_NeverLeaveFewerThanKBehindAChange()
    {
        var random = new Random(7);
        for (var run = 0; run < 5000; run++)
        {
            var thresholds = PrivacyThresholds.For(HubSettings.Defaults().WithPrivacy(random.Next(3, 8), 10));
            var parts = Enumerable.Range(0, random.Next(1, 7))
                .Select(i => GroupPart.Of(i == 0 && random.Next(3) == 0 ? null : $"D{i}", random.Next(0, 12)))
                .ToList();

            var renewed = PrivacyRules.DepartmentsWithNewFigures(parts, thresholds);

            Assert.All(parts.Where(p => p.Key is not null && renewed.Contains(p.Key)), p => Assert.True(p.People >= thresholds.K));
            var rest = parts.Where(p => p.Key is null || !renewed.Contains(p.Key)).Sum(p => p.People);
            Assert.True(rest == 0 || rest >= thresholds.K || renewed.Count == 0, $"{rest} new people behind hub minus the renewed departments");
        }
    }
}
