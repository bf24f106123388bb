using Wellbeing.Domain.Common;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Statistics;

namespace Wellbeing.Domain.Professionals;

/// <summary>
/// A professional's own alliance score for one closed calendar month (UTC): the mean of every alliance rating of the
/// sessions whose invitation opened in that month, shared or not, with its subscale means. Computed once, after every
/// invitation of the month has expired, and never changed afterwards, so no later rating, revocation or deletion
/// moves it. When the rules of <see cref="AllianceFeedbackRules"/> do not allow it, the month is stored hidden (no
/// mean), so a hidden month reads the same however many clients answered. No count of ratings or clients is kept.
/// </summary>
public sealed class AlliancePeriodScore : IAggregateRoot
{
    /// <summary>The professional's months are calendar months in UTC, whatever the time zones of their hubs.</summary>
    public static readonly string TimeZoneId = TimeZoneInfo.Utc.Id;

    private readonly List<AllianceSubscaleMean> _subscales = [];

    private AlliancePeriodScore()
    {
        PeriodKey = string.Empty;
    }

    /// <exception cref="DomainException">Subscale means are given for a hidden month.</exception>
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

    /// <summary>UTC start of the month, inclusive; unique per professional, so a month is published once.</summary>
    public DateTimeOffset PeriodStart { get; private set; }

    /// <summary>UTC start of the next month, exclusive.</summary>
    public DateTimeOffset PeriodEnd { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }

    /// <summary>The k in force when it was computed (the largest of the professional's hubs).</summary>
    public int K { get; private set; }

    /// <summary>Mean rating, 1-7, to the nearest half point; null when the month is hidden.</summary>
    public decimal? Mean { get; private set; }

    public IReadOnlyList<AllianceSubscaleMean> Subscales => _subscales;

    public bool IsHidden => Mean is null;

    /// <summary>
    /// The months, oldest first, from the one of the professional's first alliance invitation, whose every invitation
    /// has expired at <paramref name="now"/>: the month's end, plus the longest time an invitation stays open in the
    /// professional's hubs, plus <see cref="ReportingPeriod.Grace"/> for answers in flight, is past. Until then a
    /// client invited late in the month may still answer, and a month computed earlier would leave them out.
    /// </summary>
    /// <param name="invitationExpiryDays">The largest <see cref="HubSettings.InvitationExpiryDays"/> of the professional's hubs.</param>
    public static IReadOnlyList<ReportingPeriod> ClosedMonths(DateTimeOffset firstInvitation, DateTimeOffset now, int invitationExpiryDays) =>
        ReportingPeriod.ClosedSince(firstInvitation, now.AddDays(-invitationExpiryDays), ReportingPeriodLength.Month, TimeZoneId);

    /// <summary>
    /// The month's published score: its mean and subscale means (1-7, to the nearest half point) when
    /// <see cref="AllianceFeedbackRules.MayShow"/> allows it, otherwise hidden.
    /// </summary>
    /// <exception cref="ArgumentException">The statistics contradict themselves (more raters than invited clients or than ratings).</exception>
    public static AlliancePeriodScore Publish(Guid professionalId, ReportingPeriod month, DateTimeOffset publishedAt, int k, AllianceMonthStatistics statistics)
    {
        if (statistics.UnsharedRaters > statistics.UnsharedInvited || statistics.UnsharedRaters > statistics.Ratings)
        {
            throw new ArgumentException("Every rater is an invited client and gave at least one rating.", nameof(statistics));
        }

        if (!AllianceFeedbackRules.MayShow(statistics.UnsharedRaters, statistics.UnsharedInvited, k))
        {
            return new AlliancePeriodScore(professionalId, month, publishedAt, k, null, []);
        }

        var subscales = statistics.Subscales.Select(s => new AllianceSubscaleMean(s.Key, Round(s.Sum / s.Ratings)));
        return new AlliancePeriodScore(professionalId, month, publishedAt, k, Round(statistics.ScoreSum / statistics.Ratings), subscales);
    }

    /// <summary>
    /// To the nearest half point. The means of n ratings are multiples of 1/n (a subscale can be a single item), so two
    /// decimals could tell how many rated (40/6 = 6.67 cannot come from five ratings) and with it that every invited
    /// client answered; every half point of the scale is within reach of any number of ratings from two up.
    /// </summary>
    private static decimal Round(decimal mean) => Math.Round(mean * 2, MidpointRounding.AwayFromZero) / 2;
}

/// <summary>A subscale's mean rating in a published month: bond, partnership or confidence, 1-7, to the nearest half point.</summary>
public sealed record AllianceSubscaleMean(string Key, decimal Mean);

/// <summary>
/// What the database counted and summed for one professional and one month before any rule: the clients invited
/// that month who do not share alliance with the professional (see <see cref="AllianceFeedbackRules"/>) and how many
/// of them rated, and the sum and number of every rating of the month's sessions (each 1-7), shared or not, with the
/// same per subscale. Sums and counts rather than means, so every database groups them exactly.
/// </summary>
public sealed record AllianceMonthStatistics(int UnsharedInvited, int UnsharedRaters, decimal ScoreSum, int Ratings, IReadOnlyList<AllianceSubscaleSum> Subscales);

/// <summary>One subscale's sum of means (each 1-7) over the <paramref name="Ratings"/> ratings of a month that have it.</summary>
public sealed record AllianceSubscaleSum(string Key, decimal Sum, int Ratings);

/// <summary>
/// When a professional may see their own alliance score for a month. The score includes ratings from clients who do
/// not share them, and the professional knows which clients they invited, which of them share, and what every sharing
/// client answered, so the rule looks only at the month's invited clients whose ratings the professional can never
/// have seen: those who did not share alliance with them at any time from the month's start to the publication. (A
/// client who shared for a while, even one who stopped before the publication, may have shown the professional that
/// they answered, so they cannot help hide who did.) A month is shown only when
/// <list type="bullet">
/// <item>at least k of those clients rated sessions of the month, so their ratings are never fewer than k, and</item>
/// <item>more than k of them were invited to rate that month, so a shown score never implies that every one of them
/// answered (the professional who saw exactly k such clients sees nothing, whoever answered).</item>
/// </list>
/// Then any one of those clients may or may not have answered whether the month is shown or not, and no count of
/// ratings is ever shown. The k is the largest of the professional's hubs: working in several hubs, the strictest
/// hub protects its clients too.
/// </summary>
public static class AllianceFeedbackRules
{
    /// <param name="unsharedRaters">Distinct clients not sharing alliance with the professional who rated a session of the month.</param>
    /// <param name="unsharedInvited">Distinct clients not sharing alliance with the professional who were invited to rate a session of the month.</param>
    /// <param name="k">Minimum group size, at least <see cref="HubSettings.MinimumK"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or k is below <see cref="HubSettings.MinimumK"/>.</exception>
    public static bool MayShow(int unsharedRaters, int unsharedInvited, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(unsharedRaters);
        ArgumentOutOfRangeException.ThrowIfNegative(unsharedInvited);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, HubSettings.MinimumK);
        return unsharedRaters >= k && unsharedInvited > k;
    }
}
