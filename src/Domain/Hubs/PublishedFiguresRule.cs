using Wellbeing.Domain.Common;
using Wellbeing.Domain.Statistics;

namespace Wellbeing.Domain.Hubs;

/// <summary>A message about one field of a hub's form.</summary>
public sealed record HubFieldError(HubField Field, string Message);

/// <summary>A hub was not created or changed: one message per field that broke a rule.</summary>
public sealed class HubRefusedException(IReadOnlyList<HubFieldError> errors)
    : DomainException("The hub was not saved: " + string.Join(" ", errors.Select(e => e.Message)))
{
    public IReadOnlyList<HubFieldError> Errors { get; } = errors;
}

/// <summary>
/// What a hub may no longer weaken once HR figures of it are published (SPEC section 6, privacy rules: k, k_dist and
/// closed reporting periods). The published blocks were suppressed with the hub's k and k_dist over periods of its
/// length and never change; later blocks computed with a smaller k or k_dist, or over months inside a published
/// quarter's span, could be set beside them to isolate groups the earlier figures were built to hide. Raising k or
/// k_dist, or lengthening months to quarters, only hides more, so it is always allowed.
/// </summary>
public static class PublishedFiguresRule
{
    /// <summary>
    /// The changes from <paramref name="current"/> to <paramref name="proposed"/> that the rule refuses, one per field
    /// (k, k_dist, reporting period); none when nothing is published (<paramref name="published"/> null). The floor for
    /// k and k_dist is what the published blocks were made with (the strictest of them), not the current setting: a k
    /// raised by mistake after publication, before any block used it, can go back to what the published figures need.
    /// </summary>
    /// <param name="published">The highest k and k_dist among the hub's published blocks (<see cref="Strictest"/>); null when none is published.</param>
    public static IReadOnlyList<HubFieldError> Refusals(HubSettings current, HubSettings proposed, PrivacyThresholds? published)
    {
        if (published is null)
        {
            return [];
        }

        var refusals = new List<HubFieldError>();
        if (proposed.K < published.K)
        {
            refusals.Add(new(HubField.K, $"k cannot go below {published.K} now that HR figures are published: a smaller group size would change what the published figures protect. It can be raised."));
        }

        if (proposed.KDistribution < published.KDistribution)
        {
            refusals.Add(new(HubField.KDistribution, $"k_dist cannot go below {published.KDistribution} now that HR figures are published: smaller distributions would change what the published figures protect. It can be raised."));
        }

        if ((int)proposed.ReportingPeriod < (int)current.ReportingPeriod)
        {
            refusals.Add(new(HubField.ReportingPeriod, "The reporting period cannot be shortened now that HR figures are published per quarter: monthly figures beside them would change what the published figures protect."));
        }

        return refusals;
    }

    /// <summary>The highest k and the highest k_dist that any of <paramref name="published"/> was made with; null for none.</summary>
    public static PrivacyThresholds? Strictest(IEnumerable<PrivacyThresholds> published)
    {
        var all = published.ToList();
        return all.Count == 0 ? null : new PrivacyThresholds(all.Max(t => t.K), all.Max(t => t.KDistribution));
    }

    /// <summary>
    /// Refuses moving a hub with published figures to another time zone: its periods were drawn in
    /// <paramref name="currentZone"/>, and a month or quarter drawn in another zone would overlap the last published one
    /// (then it is never published, PublishClosedPeriods skips it) or start after it ended (hours counted in no period).
    /// </summary>
    /// <returns>The message for the time zone field, or null when the zone is kept or nothing is published yet.</returns>
    public static HubFieldError? TimeZoneRefusal(string currentZone, string proposedZone, bool figuresPublished) =>
        figuresPublished && !string.Equals(currentZone, proposedZone, StringComparison.Ordinal)
            ? new(HubField.TimeZoneId, $"The time zone cannot change now that HR figures are published: the published periods were drawn in {currentZone}, and periods in another zone would overlap them or leave hours out.")
            : null;
}
