using Wellbeing.Domain.Hubs;

namespace Wellbeing.Domain.Statistics;

/// <summary>The two group sizes in force for one computation; k is never below the floor whatever a hub stored.</summary>
public sealed record PrivacyThresholds(int K, int KDistribution)
{
    public static PrivacyThresholds For(HubSettings settings)
    {
        var k = Math.Max(settings.K, HubSettings.MinimumK);
        return new PrivacyThresholds(k, Math.Max(settings.KDistribution, k));
    }
}

/// <summary>
/// The respondents of one group (a department, the people without one, or a union of groups) in one period, counted
/// for every figure made from them. Counts only: who is in the group is never known here.
/// </summary>
/// <param name="Enrolled">Members enrolled at some time in the period.</param>
/// <param name="People">Distinct respondents.</param>
/// <param name="ScoreSum">Sum of the respondents' period scores (0-100 each).</param>
/// <param name="ByBracket">Respondents per bracket of their period score: Poor, Moderate, Good.</param>
/// <param name="ByTrend">Respondents with an earlier score, per direction: Improving, Stable, Declining.</param>
public sealed record GroupTally(string? Department, int Enrolled, int People, decimal ScoreSum, IReadOnlyList<int> ByBracket, IReadOnlyList<int> ByTrend)
{
    /// <summary>The union of disjoint groups, as "hub minus the shown departments" lets anyone compute it.</summary>
    public static GroupTally Sum(string? department, IEnumerable<GroupTally> groups)
    {
        var list = groups.ToList();
        return new GroupTally(
            department,
            list.Sum(g => g.Enrolled),
            list.Sum(g => g.People),
            list.Sum(g => g.ScoreSum),
            [.. Enumerable.Range(0, 3).Select(i => list.Sum(g => g.ByBracket[i]))],
            [.. Enumerable.Range(0, 3).Select(i => list.Sum(g => g.ByTrend[i]))]);
    }
}

/// <summary>
/// The privacy rules of one period block, as pure functions, so that they can be tested exhaustively and
/// adversarially apart from any storage. They decide only whether a group may be shown; they never see who is in it.
/// Sources: k-anonymity (Sweeney 2002) for the group sizes; the complement rule and secondary suppression of
/// statistical disclosure control (Hundepool et al., Statistical Disclosure Control, 2012, ch. 4 and 5) for
/// departments; homogeneity (l-diversity, Machanavajjhala et al. 2007) for groups that share one category.
/// </summary>
public static class PrivacyRules
{
    /// <summary>
    /// A group's figures (count, mean, participation) are shown only when at least k distinct people are behind them
    /// and they do not all share one bracket: a mean of 5 over five people tells HR that each of them screened Poor as
    /// surely as a distribution would. Such a group is hidden exactly like a small one.
    /// </summary>
    public static bool MayShowGroup(GroupTally group, PrivacyThresholds thresholds) =>
        group.People >= thresholds.K && CategoriesInUse(group.ByBracket) >= 2;

    /// <summary>
    /// Shares (the distribution over brackets, the trend directions) need k_dist people, and at least two categories
    /// in use: "everyone is Poor" or "everyone declined" would tell HR the category of each member however large
    /// the group is.
    /// </summary>
    public static bool MayShowShares(IReadOnlyList<int> counts, PrivacyThresholds thresholds) =>
        counts.Sum() >= thresholds.KDistribution && CategoriesInUse(counts) >= 2;

    /// <summary>
    /// The complement rule and secondary suppression for one figure over the departments of a period: a department
    /// is shown only when it and the rest of the hub both pass <paramref name="passes"/>. The hidden groups together
    /// ("hub minus every shown department", which anyone can compute) must pass too, unless nobody at all is enrolled
    /// in them: while they do not, the smallest shown department is hidden as well. A remainder of enrolled members
    /// with no respondents is not let through, because "nobody in the hidden departments answered" is a count below k.
    /// </summary>
    /// <param name="groups">Every department's group and the group of people without one (department null).</param>
    /// <param name="eligible">Departments that may be shown at all (those whose group figures are shown); null: all.</param>
    /// <param name="guard">When given, suppression also goes on while a hidden group <see cref="StandsOut"/>.</param>
    /// <returns>The departments that may be shown; empty when the whole hub may not be shown.</returns>
    public static IReadOnlySet<string> ShowableDepartments(
        IReadOnlyList<GroupTally> groups,
        Func<GroupTally, bool> passes,
        IReadOnlySet<string>? eligible = null,
        UniformGuard? guard = null)
    {
        var hub = GroupTally.Sum(null, groups);
        if (!passes(hub))
        {
            return new HashSet<string>();
        }

        GroupTally Without(IReadOnlyCollection<GroupTally> shown) => GroupTally.Sum(null, groups.Where(g => !shown.Contains(g)));

        var shown = groups
            .Where(g => g.Department is not null && (eligible is null || eligible.Contains(g.Department)) && passes(g) && passes(Without([g])))
            .ToList();
        while (shown.Count > 0)
        {
            var hidden = Without(shown);
            var standsOut = guard is not null && StandsOut([.. groups.Where(g => !shown.Contains(g))], passes, guard);
            if ((hidden.Enrolled == 0 && hidden.People == 0 || passes(hidden)) && !standsOut)
            {
                break;
            }

            shown.Remove(shown.OrderBy(g => g.People).ThenBy(g => g.Department, StringComparer.Ordinal).First());
        }

        return shown.Select(g => g.Department!).ToHashSet();
    }

    /// <summary>
    /// Whether an HR manager who knows every department's headcount could tell that one of the hidden groups is hidden
    /// although it is not small, which for a group that fails <paramref name="passes"/> with at least
    /// <see cref="UniformGuard.Minimum"/> people means it is uniform: its people all share one bracket (or direction).
    /// The bound HR can reach is "what the hidden groups hold together (hub minus the shown departments) minus the most
    /// the other hidden groups could hold"; taking the groups' real capacity makes that bound the tightest HR could
    /// know, so the check is conservative. A uniform group that stands out must be hidden among more groups.
    /// </summary>
    /// <param name="hidden">The hidden groups (departments and the people without one), together derivable by HR.</param>
    public static bool StandsOut(IReadOnlyList<GroupTally> hidden, Func<GroupTally, bool> passes, UniformGuard guard)
    {
        var together = hidden.Sum(guard.Count);
        var capacity = hidden.Sum(guard.Capacity);
        return hidden.Any(g => g.Department is not null
            && guard.Count(g) >= guard.Minimum
            && !passes(g)
            && together - (capacity - guard.Capacity(g)) >= guard.Minimum);
    }

    private static int CategoriesInUse(IReadOnlyList<int> counts) => counts.Count(c => c > 0);
}

/// <summary>
/// What <see cref="PrivacyRules.StandsOut"/> reads of a group for one figure: the people the figure is about
/// (<paramref name="Count"/>), the most of them HR could know the group to hold (<paramref name="Capacity"/>: its
/// members for respondents, its respondents for trend people), and the size from which hiding it can only mean uniform.
/// </summary>
public sealed record UniformGuard(Func<GroupTally, int> Count, Func<GroupTally, int> Capacity, int Minimum)
{
    /// <summary>The respondents of a group, of whom HR may know up to its enrolled members.</summary>
    public static UniformGuard Respondents(PrivacyThresholds thresholds) => new(g => g.People, g => g.Enrolled, thresholds.K);

    /// <summary>The respondents with an earlier score behind trend shares, of whom HR may know up to the group's respondents.</summary>
    public static UniformGuard TrendPeople(PrivacyThresholds thresholds) => new(g => g.ByTrend.Sum(), g => g.People, thresholds.KDistribution);
}
