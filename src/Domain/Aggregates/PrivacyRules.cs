using Wellbeing.Domain.Hubs;

namespace Wellbeing.Domain.Aggregates;

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
/// One part of a partition of people (a department, or the people with no department, who are never shown on their
/// own). <see cref="Counts"/> holds the people per category; a plain count is a single category.
/// </summary>
public sealed record GroupPart(string? Key, IReadOnlyList<int> Counts)
{
    public int People => Counts.Sum();

    public static GroupPart Of(string? key, int people) => new(key, [people]);
}

/// <summary>
/// The privacy rules as pure functions, so that they can be tested exhaustively and adversarially apart from any
/// storage. They decide only whether a group may be shown; they never see who is in it.
/// </summary>
public static class PrivacyRules
{
    /// <summary>Rules 1 and 4: a number (also a monthly one) rests on at least k distinct people.</summary>
    public static bool MayShowNumber(int people, PrivacyThresholds thresholds) => people >= thresholds.K;

    /// <summary>
    /// Rule 2: a distribution needs k_dist people, and at least two categories in use: "everyone is Poor" would tell
    /// HR the bracket of each member however large the group is.
    /// </summary>
    public static bool MayShowDistribution(IReadOnlyList<int> counts, PrivacyThresholds thresholds) =>
        counts.Sum() >= thresholds.KDistribution && counts.Count(c => c > 0) >= 2;

    /// <summary>
    /// Rule 3 for one figure over a partition of the hub: a part is shown only when it and the rest of the hub both
    /// pass. Then, because the hidden parts can be recovered as "hub minus every shown part", the hidden parts taken
    /// together must pass too; while they do not, the smallest shown part is hidden as well (secondary suppression).
    /// </summary>
    /// <returns>The keys of the parts that may be shown; empty when the hub itself may not be shown.</returns>
    public static IReadOnlySet<string> ShowableParts(IReadOnlyList<GroupPart> parts, PrivacyThresholds thresholds, bool distribution)
    {
        bool Passes(int[] counts) => distribution ? MayShowDistribution(counts, thresholds) : MayShowNumber(counts.Sum(), thresholds);

        var width = parts.Count == 0 ? 1 : parts.Max(p => p.Counts.Count);
        int[] Sum(IEnumerable<GroupPart> group)
        {
            var sum = new int[width];
            foreach (var part in group)
            {
                for (var i = 0; i < part.Counts.Count; i++)
                {
                    sum[i] += part.Counts[i];
                }
            }

            return sum;
        }

        var total = Sum(parts);
        if (!Passes(total))
        {
            return new HashSet<string>();
        }

        var shown = parts
            .Where(p => p.Key is not null && Passes(Sum([p])) && Passes(Sum(parts.Where(other => !ReferenceEquals(other, p)))))
            .ToList();
        while (shown.Count > 0)
        {
            var hidden = Sum(parts.Where(p => !shown.Contains(p)));
            if (hidden.Sum() == 0 || Passes(hidden))
            {
                break;
            }

            shown.Remove(shown.OrderBy(p => p.People).ThenBy(p => p.Key, StringComparer.Ordinal).First());
        }

        return shown.Select(p => p.Key!).ToHashSet();
    }

    /// <summary>
    /// Rule 5: a new snapshot is published only when, for each measure, either nobody or at least k new people have
    /// submitted since the previous one, and at least k in all; comparing two snapshots then never isolates one person.
    /// </summary>
    public static bool MayPublishNewSnapshot(IReadOnlyList<int> newPeoplePerMeasure, int newPeopleInAll, PrivacyThresholds thresholds) =>
        newPeopleInAll >= thresholds.K && newPeoplePerMeasure.All(n => n == 0 || n >= thresholds.K);

    /// <summary>
    /// Rule 5 for departments, once a new snapshot may go out. Comparing a department before and after would isolate
    /// its one new respondent, so only departments with at least k new people get new figures; the others keep the
    /// figures HR has already seen. "Hub minus the departments with new figures" is the new people of all the others
    /// together, so that remainder must be nobody or at least k: while it is not, the department with the fewest new
    /// people keeps its old figures as well.
    /// </summary>
    /// <param name="newPeople">Distinct new respondents per department (key null: people without a department).</param>
    /// <returns>The keys of the departments whose figures may be computed anew.</returns>
    public static IReadOnlySet<string> DepartmentsWithNewFigures(IReadOnlyList<GroupPart> newPeople, PrivacyThresholds thresholds)
    {
        var renewed = newPeople.Where(p => p.Key is not null && p.People >= thresholds.K).ToList();
        var everyone = newPeople.Sum(p => p.People);
        bool Isolates(int people) => people > 0 && people < thresholds.K;
        while (renewed.Count > 0 && Isolates(everyone - renewed.Sum(p => p.People)))
        {
            renewed.Remove(renewed.OrderBy(p => p.People).ThenBy(p => p.Key, StringComparer.Ordinal).First());
        }

        return renewed.Select(p => p.Key!).ToHashSet();
    }
}
