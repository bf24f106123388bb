using Wellbeing.Domain.Common;

namespace Wellbeing.Domain.Sharing;

/// <summary>
/// The one rule behind the clients list's read model (docs/performance.md, "Clients list under load"): a professional
/// sees a measure of a client only while the client's grant for that professional and measure is active, and then the
/// client's latest two scores of it: every Wellbeing Index the client gave (the index is about the client, not about a
/// professional), but only the alliance ratings about this professional (SPEC: "who sees what").
/// </summary>
public static class SharedScores
{
    /// <summary>
    /// Every row the read model must hold for the members whose grants and scores are given, whatever was stored before.
    /// </summary>
    /// <param name="grants">All grants of the members, active or revoked (revoked ones give nothing).</param>
    /// <param name="scores">At least the latest two scores per member and measure (and, for alliance, professional); more do no harm.</param>
    /// <returns>
    /// One row per active (member, professional, measure), however many active grants say it; newest first by
    /// <see cref="SubmittedScore.SubmittedAt"/>, and of two at the same instant the larger submission id, so the result
    /// never depends on the order of the input.
    /// </returns>
    public static IReadOnlyList<SharedScore> Derive(IEnumerable<ShareGrant> grants, IEnumerable<SubmittedScore> scores)
    {
        var newestFirst = scores
            .OrderByDescending(s => s.SubmittedAt).ThenByDescending(s => s.SubmissionId)
            .ToLookup(s => (s.MemberId, s.Measure, ProfessionalId: s.Measure == Measure.Alliance ? s.ProfessionalId : null), s => s.Score);

        return grants.Where(g => g.IsActive)
            .Select(g => (g.MemberId, g.ProfessionalId, g.Measure))
            .Distinct()
            .Select(key =>
            {
                var latest = newestFirst[(key.MemberId, key.Measure, key.Measure == Measure.Alliance ? key.ProfessionalId : null)]
                    .Take(2).Select(score => (decimal?)score).ToList();
                return new SharedScore(key.MemberId, key.ProfessionalId, key.Measure, latest.ElementAtOrDefault(0), latest.ElementAtOrDefault(1));
            })
            .ToList();
    }
}
