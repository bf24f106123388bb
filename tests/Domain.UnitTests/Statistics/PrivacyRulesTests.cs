using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Statistics;

namespace Wellbeing.Domain.UnitTests.Statistics;

public class PrivacyRulesTests
{
    private static readonly PrivacyThresholds Defaults = PrivacyThresholds.For(HubSettings.Defaults());

    /// <summary>A department's respondents per bracket (Poor, Moderate, Good); enrolled at least as many.</summary>
    private static GroupTally Group(string? department, int poor, int moderate, int good, int enrolled = 0, int[]? byTrend = null) =>
        new(department, Math.Max(enrolled, poor + moderate + good), poor + moderate + good, 0m, [poor, moderate, good], byTrend ?? [0, 0, 0]);

    private static bool MayShowGroup(GroupTally group) => PrivacyRules.MayShowGroup(group, Defaults);

    private static IReadOnlySet<string> Showable(params GroupTally[] groups) => PrivacyRules.ShowableDepartments(groups, MayShowGroup);

    [Fact]
    public void Thresholds_FollowTheHub_AndSharesNeverNeedFewerThanK()
    {
        Assert.Equal(new PrivacyThresholds(5, 10), Defaults);
        Assert.Equal(new PrivacyThresholds(7, 12), PrivacyThresholds.For(HubSettings.Defaults().WithPrivacy(7, 12)));
        Assert.Equal(new PrivacyThresholds(3, 3), PrivacyThresholds.For(HubSettings.Defaults().WithPrivacy(3, 3)));
    }

    [Fact]
    public void Sum_AddsUpEveryCountOfDisjointGroups()
    {
        var sum = GroupTally.Sum(null, [new("A", 6, 5, 210m, [1, 2, 2], [1, 0, 3]), new("B", 2, 1, 40m, [0, 1, 0], [0, 1, 0])]);

        Assert.Equal((8, 6, 250m), (sum.Enrolled, sum.People, sum.ScoreSum));
        Assert.Equal([1, 3, 2], sum.ByBracket);
        Assert.Equal([1, 1, 3], sum.ByTrend);
    }

    [Theory]
    [InlineData(0, 0, 0, false)]
    [InlineData(2, 2, 0, false)] // four people
    [InlineData(3, 2, 0, true)]
    [InlineData(1, 0, 4, true)]
    [InlineData(5, 0, 0, false)] // five people who all screened Poor (the issue's scores 0, 4, 4, 8, 8)
    [InlineData(0, 5, 0, false)]
    [InlineData(0, 0, 40, false)] // however many, "everyone is Good" is about each of them
    public void Group_NeedsKPeople_InMoreThanOneBracket(int poor, int moderate, int good, bool shown) =>
        Assert.Equal(shown, MayShowGroup(Group("A", poor, moderate, good)));

    [Theory]
    [InlineData(new[] { 5, 5, 0 }, true)]
    [InlineData(new[] { 1, 9, 0 }, true)]
    [InlineData(new[] { 5, 4, 0 }, false)] // nine people
    [InlineData(new[] { 10, 0, 0 }, false)]
    [InlineData(new[] { 0, 0, 25 }, false)]
    [InlineData(new[] { 0, 0, 0 }, false)]
    public void Shares_NeedKDistributionPeople_InMoreThanOneCategory(int[] counts, bool shown) =>
        Assert.Equal(shown, PrivacyRules.MayShowShares(counts, Defaults));

    [Fact]
    public void Departments_AreShown_WhenEachAndTheRestOfTheHubPass()
    {
        Assert.Equal(["A", "B", "C"], Showable(Group("A", 3, 2, 0), Group("B", 0, 2, 3), Group("C", 2, 2, 2)).Order());
    }

    [Fact]
    public void Department_IsHidden_WhenTheRestOfTheHubIsTooSmall()
    {
        // The hub (14) minus A (10) would be B's four people.
        Assert.Empty(Showable(Group("A", 5, 5, 0), Group("B", 2, 2, 0)));
    }

    [Fact]
    public void Department_IsHidden_WhenTheRestOfTheHubIsUniform()
    {
        // B is large and mixed, but the hub minus B would be A's five Poor people.
        Assert.Empty(Showable(Group("A", 5, 0, 0), Group("B", 3, 3, 3)));
    }

    [Fact]
    public void OneHiddenDepartment_HidesTheSmallestShownOne_SoTheHiddenTogetherPass()
    {
        var shown = Showable(Group("A", 5, 5, 0), Group("B", 5, 0, 5), Group("C", 3, 3, 0), Group("D", 1, 0, 0));

        // Hub minus A, B and C would be D's one person; with C hidden too it is seven people in two brackets.
        Assert.Equal(["A", "B"], shown.Order());
    }

    [Fact]
    public void HiddenDepartmentsThatAreUniformTogether_HideAnotherOne()
    {
        // C is hidden for being all Poor; alone it would be the hub minus the shown ones. Of A and B (six each) the
        // first by name goes too, and A's Moderate people make the hidden rest mixed.
        var shown = Showable(Group("A", 3, 3, 0), Group("B", 3, 3, 0), Group("C", 6, 0, 0));

        Assert.Equal(["B"], shown);
    }

    [Fact]
    public void PeopleWithoutADepartment_AreNeverShown_ButCountAsHidden()
    {
        var shown = Showable(Group("A", 5, 5, 0), Group("B", 5, 0, 5), Group(null, 1, 1, 0));

        Assert.Equal(["B"], shown);
    }

    [Fact]
    public void EnrolledMembersWhoAllStayedSilent_AreNotAnEmptyRemainder()
    {
        GroupTally[] answered = [Group("A", 3, 3, 0), Group("B", 4, 4, 0)];

        // "Nobody of the three in C answered" would be a count of people below k: B, the larger, stays alone.
        Assert.Equal(["A", "B"], Showable(answered).Order());
        Assert.Equal(["B"], Showable([.. answered, Group("C", 0, 0, 0, enrolled: 3)]));
        Assert.Equal(["B"], Showable([.. answered, Group(null, 0, 0, 0, enrolled: 3)]));
    }

    [Fact]
    public void HubThatMayNotBeShown_ShowsNoDepartment()
    {
        Assert.Empty(Showable(Group("A", 2, 0, 0), Group("B", 1, 1, 0)));

        // Each department is five people, but all ten screened Poor.
        Assert.Empty(Showable(Group("A", 5, 0, 0), Group("B", 5, 0, 0)));
    }

    [Fact]
    public void Shares_AreShownOnlyForEligibleDepartments_AndTheirRemainderPasses()
    {
        GroupTally[] groups = [Group("A", 5, 5, 0), Group("B", 0, 6, 6), Group("C", 5, 0, 5), Group("D", 1, 2, 0)];
        bool Passes(GroupTally g) => PrivacyRules.MayShowShares(g.ByBracket, Defaults);

        var all = PrivacyRules.ShowableDepartments(groups, Passes);
        var eligible = PrivacyRules.ShowableDepartments(groups, Passes, new HashSet<string> { "B", "C" });

        // Hub minus A, B and C would be D's three; with A (the smallest) back among the hidden, thirteen.
        Assert.Equal(["B", "C"], all.Order());
        Assert.Equal(["B", "C"], eligible.Order());
        Assert.Equal(["B"], PrivacyRules.ShowableDepartments(groups, Passes, new HashSet<string> { "B" }));
    }

    [Fact]
    public void TrendShares_NeedTwoDirections_InTheRemainderToo()
    {
        int[] mixed = [5, 5, 0];
        GroupTally[] groups = [Group("A", 5, 5, 0, byTrend: mixed), Group("B", 5, 5, 0, byTrend: mixed), Group("C", 5, 5, 0, byTrend: [0, 0, 10])];

        var shown = PrivacyRules.ShowableDepartments(groups, g => PrivacyRules.MayShowShares(g.ByTrend, Defaults));

        Assert.Equal(["B"], shown);
    }

    /// <summary>
    /// For random departments, thresholds and either rule: every shown department and the rest of the hub without it
    /// pass, the hidden ones together pass or have nobody enrolled, nobody without a department is shown, and only
    /// eligible departments are.
    /// </summary>
    [Fact]
    public void RandomHubs_LeaveNoShownDepartmentComplementOrRemainderFailing()
    {
        var random = new Random(10);
        for (var run = 0; run < 5000; run++)
        {
            var k = random.Next(3, 8);
            var thresholds = PrivacyThresholds.For(HubSettings.Defaults().WithPrivacy(k, random.Next(k, 15)));
            var groups = Enumerable.Range(0, random.Next(1, 7))
                .Select(i => Group(
                    i == 0 && random.Next(3) == 0 ? null : $"D{i}",
                    random.Next(0, 7) * random.Next(2),
                    random.Next(0, 7) * random.Next(2),
                    random.Next(0, 7),
                    enrolled: random.Next(0, 12)))
                .ToList();
            Func<GroupTally, bool> passes = random.Next(2) == 0
                ? g => PrivacyRules.MayShowGroup(g, thresholds)
                : g => PrivacyRules.MayShowShares(g.ByBracket, thresholds);
            var eligible = random.Next(2) == 0 ? null : groups.Where(_ => random.Next(3) > 0).Select(g => g.Department).OfType<string>().ToHashSet();

            var shown = PrivacyRules.ShowableDepartments(groups, passes, eligible);

            var context = $"run {run}: {string.Join("; ", groups.Select(g => $"{g.Department} {g.Enrolled} [{string.Join(' ', g.ByBracket)}]"))} shows {string.Join(", ", shown)}";
            Assert.True(shown.Count == 0 || passes(GroupTally.Sum(null, groups)), context);
            Assert.All(shown, name => Assert.True(eligible is null || eligible.Contains(name), context));
            foreach (var group in groups.Where(g => g.Department is { } name && shown.Contains(name)))
            {
                Assert.True(passes(group), context);
                Assert.True(passes(GroupTally.Sum(null, groups.Where(g => g != group))), context);
            }

            var hidden = GroupTally.Sum(null, groups.Where(g => g.Department is null || !shown.Contains(g.Department)));
            Assert.True(shown.Count == 0 || hidden is { Enrolled: 0, People: 0 } || passes(hidden), context);
        }
    }
}
