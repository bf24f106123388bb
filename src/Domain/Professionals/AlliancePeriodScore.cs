using Wellbeing.Domain.Common;
using Wellbeing.Domain.Statistics;

namespace Wellbeing.Domain.Professionals;

/// <summary>
/// A professional's own alliance score for one closed calendar month (UTC): the mean of every alliance rating about
/// sessions that ended in that month, shared or not, with its subscale means. Computed once, after every invitation
/// of the month has expired, and never changed afterwards, so no later rating, revocation or deletion moves it.
/// When the rules of <see cref="AllianceFeedbackRules"/> do not allow it, the month is stored hidden (no mean), so a
/// hidden month reads the same however many clients answered.
/// </summary>
public sealed class AlliancePeriodScore : IAggregateRoot
{
    private readonly List<AllianceSubscaleMean> _subscales = [];

    private AlliancePeriodScore()
    {
        PeriodKey = string.Empty;
    }

    /// <exception cref="DomainException">A mean is given without its subscales, or subscales without a mean.</exception>
    public AlliancePeriodScore(Guid professionalId, ReportingPeriod period, DateTimeOffset publishedAt, int k, decimal? mean, IEnumerable<AllianceSubscaleMean> subscales)
    {
        var list = subscales.ToList();
        if (mean is null && list.Count > 0)
        {
            throw new DomainException("A hidden month has no subscale means either.");
        }

        Id = Guid.NewGuid();
        ProfessionalId = professionalId;
        PeriodKey = period.Key;
        PeriodStart = period.Start;
        PeriodEnd = period.End;
        PublishedAt = publishedAt;
        K = k;
        Mean = mean;
        _subscales.AddRange(list);
    }

    public Guid Id { get; private set; }
    public Guid ProfessionalId { get; private set; }

    /// <summary>"2026-05": a calendar month in UTC.</summary>
    public string PeriodKey { get; private set; }

    public DateTimeOffset PeriodStart { get; private set; }
    public DateTimeOffset PeriodEnd { get; private set; }
    public DateTimeOffset PublishedAt { get; private set; }

    /// <summary>The k in force when it was computed (the largest of the professional's hubs).</summary>
    public int K { get; private set; }

    /// <summary>Mean rating, 1-7, two decimals; null when the month is hidden.</summary>
    public decimal? Mean { get; private set; }

    public IReadOnlyList<AllianceSubscaleMean> Subscales => _subscales;

    public bool IsHidden => Mean is null;
}

/// <summary>A subscale's mean rating in a published month: bond, partnership or confidence, 1-7, two decimals.</summary>
public sealed record AllianceSubscaleMean(string Key, decimal Mean);

/// <summary>
/// When a professional may see their own alliance score for a month. The score includes ratings from clients who do
/// not share them, and the professional knows which clients share and which of those answered, so the rule looks
/// only at the clients who do not share (as of publication):
/// <list type="bullet">
/// <item>at least k of them rated sessions of the month, so their ratings are never fewer than k, and</item>
/// <item>more than k of them were invited to rate that month, so a shown score never implies that every one of them
/// answered (the professional who saw exactly k such clients sees nothing, whoever answered).</item>
/// </list>
/// Then any one of those clients may or may not have answered whether the month is shown or not, and no count of
/// ratings is ever shown.
/// </summary>
public static class AllianceFeedbackRules
{
    /// <param name="unsharedRaters">Distinct clients not sharing alliance with the professional who rated a session of the month.</param>
    /// <param name="unsharedInvited">Distinct clients not sharing alliance with the professional who were invited to rate a session of the month.</param>
    /// <param name="k">Minimum group size, at least <see cref="Hubs.HubSettings.MinimumK"/>.</param>
    public static bool MayShow(int unsharedRaters, int unsharedInvited, int k) =>
        unsharedRaters >= k && unsharedInvited > k;
}
