using Wellbeing.Domain.Statistics;

namespace Wellbeing.Domain.Hubs;

/// <summary>
/// The rules a hub runs by. Defaults follow the product specification; what "good" means depends on the
/// organisation, so each hub may tune them within limits that keep the privacy rules safe.
/// </summary>
public sealed class HubSettings
{
    /// <summary>Never fewer than three people behind a number shown to HR, whatever a hub asks for.</summary>
    public const int MinimumK = 3;

    /// <summary>
    /// The largest k a hub may ask for. Employee-listening products keep their minimum group between 3 and 10 (Viva
    /// Glint 3-5, Culture Amp and Viva Insights 5, Spring Health "more than 10"; the team's shared reference,
    /// anchors.md, "Employee-listening anonymity"); twice the largest of them still protects, while a k above it hides nearly every
    /// department and is most likely a slip of the keyboard (50 for 5) that would silently empty HR's page.
    /// </summary>
    public const int MaximumK = 20;

    /// <summary>
    /// The largest k_dist a hub may ask for: twice <see cref="MaximumK"/>, the ratio of the defaults (10 to 5; the same
    /// products ask 8-10 people for a distribution, about twice their minimum for a mean).
    /// </summary>
    public const int MaximumKDistribution = 2 * MaximumK;

    public int K { get; private set; } = 5;
    public int KDistribution { get; private set; } = 10;
    public int ReminderCadenceDays { get; private set; } = 14;
    public AllianceCadence AllianceCadence { get; private set; } = AllianceCadence.EverySession;
    public int InvitationExpiryDays { get; private set; } = 7;
    public int PoorUpTo { get; private set; } = 28;
    public int ModerateUpTo { get; private set; } = 50;
    public int TrendThreshold { get; private set; } = 10;
    public decimal AllianceLowThreshold { get; private set; } = 4.0m;
    public decimal AllianceDropThreshold { get; private set; } = 1.0m;
    public int LowParticipationPercent { get; private set; } = 60;

    /// <summary>Days after a Wellbeing Index reminder before the one follow-up, if the index is still due.</summary>
    public int WellbeingFollowUpDays { get; private set; } = 3;

    /// <summary>
    /// Days after an alliance invitation before its one reminder. The reminder must come at least a day before the
    /// invitation expires (<see cref="InvitationExpiryDays"/>); Greenspace's defaults are 2 and 4.
    /// </summary>
    public int AllianceReminderAfterDays { get; private set; } = 2;

    /// <summary>E-mail goes out from this local time of day (hub's zone) ...</summary>
    public TimeOnly SendingHoursStart { get; private set; } = new(8, 0);

    /// <summary>... until this one; a message due outside waits for the next morning.</summary>
    public TimeOnly SendingHoursEnd { get; private set; } = new(20, 0);

    /// <summary>HR figures are published per closed calendar month (default) or quarter in the hub's time zone.</summary>
    public ReportingPeriodLength ReportingPeriod { get; private set; } = ReportingPeriodLength.Month;

    public static HubSettings Defaults() => new();

    /// <summary>
    /// The smallest groups behind HR figures, in people: k behind any number, k_dist behind a distribution or trend
    /// (SPEC section 6); the complement rule and the homogeneity rule use the same k and k_dist.
    /// </summary>
    /// <exception cref="HubFieldException">k outside <see cref="MinimumK"/>-<see cref="MaximumK"/> (field K), or k_dist
    /// below k or above <see cref="MaximumKDistribution"/> (field KDistribution).</exception>
    public HubSettings WithPrivacy(int k, int kDistribution)
    {
        if (k < MinimumK)
        {
            throw new HubFieldException(HubField.K, $"The minimum group size k cannot be below {MinimumK}.");
        }

        if (k > MaximumK)
        {
            throw new HubFieldException(HubField.K, $"The minimum group size k can be at most {MaximumK}: a larger k hides nearly every figure.");
        }

        if (kDistribution < k)
        {
            throw new HubFieldException(HubField.KDistribution, "The minimum group for distributions cannot be smaller than k.");
        }

        if (kDistribution > MaximumKDistribution)
        {
            throw new HubFieldException(HubField.KDistribution, $"The minimum group for distributions can be at most {MaximumKDistribution}: a larger one hides nearly every distribution.");
        }

        var copy = Copy();
        copy.K = k;
        copy.KDistribution = kDistribution;
        return copy;
    }

    /// <summary>Days between Wellbeing Index reminders, which sessions invite an alliance rating, and days an invitation stays open.</summary>
    /// <exception cref="HubFieldException">Reminders outside 7-90 days, an unknown cadence, or an expiry outside 1-30 days; the field says which.</exception>
    public HubSettings WithCadences(int reminderCadenceDays, AllianceCadence allianceCadence, int invitationExpiryDays)
    {
        if (reminderCadenceDays is < 7 or > 90)
        {
            throw new HubFieldException(HubField.ReminderCadenceDays, "Wellbeing reminders can be set from every 7 to every 90 days.");
        }

        if (!Enum.IsDefined(allianceCadence))
        {
            throw new HubFieldException(HubField.AllianceCadence, "The alliance cadence must be every session, every 2nd or every 3rd.");
        }

        if (invitationExpiryDays is < 1 or > 30)
        {
            throw new HubFieldException(HubField.InvitationExpiryDays, "Alliance invitations can stay open from 1 to 30 days.");
        }

        var copy = Copy();
        copy.ReminderCadenceDays = reminderCadenceDays;
        copy.AllianceCadence = allianceCadence;
        copy.InvitationExpiryDays = invitationExpiryDays;
        return copy;
    }

    /// <summary>Bracket cut-offs and trend threshold on the 0-100 Wellbeing Index scale; alliance flag thresholds on the 1-7 scale.</summary>
    /// <exception cref="HubFieldException">Brackets not 0 &lt;= Poor &lt; Moderate &lt; 100, a trend threshold outside 1-100, or alliance thresholds off the scale; the field says which.</exception>
    public HubSettings WithInterpretation(int poorUpTo, int moderateUpTo, int trendThreshold, decimal allianceLowThreshold, decimal allianceDropThreshold)
    {
        if (poorUpTo < 0)
        {
            throw new HubFieldException(HubField.PoorUpTo, "Brackets must satisfy 0 <= Poor upper bound < Moderate upper bound < 100.");
        }

        if (moderateUpTo <= poorUpTo || moderateUpTo >= 100)
        {
            throw new HubFieldException(HubField.ModerateUpTo, "Brackets must satisfy 0 <= Poor upper bound < Moderate upper bound < 100.");
        }

        if (trendThreshold is < 1 or > 100)
        {
            throw new HubFieldException(HubField.TrendThreshold, "The trend threshold must be between 1 and 100 points.");
        }

        if (allianceLowThreshold is < 1 or > 7)
        {
            throw new HubFieldException(HubField.AllianceLowThreshold, "Alliance thresholds must lie on the 1-7 scale.");
        }

        if (allianceDropThreshold is <= 0 or > 6)
        {
            throw new HubFieldException(HubField.AllianceDropThreshold, "Alliance thresholds must lie on the 1-7 scale.");
        }

        var copy = Copy();
        copy.PoorUpTo = poorUpTo;
        copy.ModerateUpTo = moderateUpTo;
        copy.TrendThreshold = trendThreshold;
        copy.AllianceLowThreshold = allianceLowThreshold;
        copy.AllianceDropThreshold = allianceDropThreshold;
        return copy;
    }

    /// <exception cref="HubFieldException">A percentage outside 1-100.</exception>
    public HubSettings WithLowParticipationPercent(int percent)
    {
        if (percent is < 1 or > 100)
        {
            throw new HubFieldException(HubField.LowParticipationPercent, "The low-participation warning must be between 1 % and 100 %.");
        }

        var copy = Copy();
        copy.LowParticipationPercent = percent;
        return copy;
    }

    /// <summary>The e-mail rhythm: follow-up and alliance reminder delays in days, and the local sending hours.</summary>
    /// <exception cref="HubFieldException">
    /// A follow-up outside 1-30 days or not before the next reminder; an alliance reminder not at least a day before the
    /// invitation expires; sending hours shorter than an hour or crossing midnight.
    /// </exception>
    public HubSettings WithEmail(int wellbeingFollowUpDays, int allianceReminderAfterDays, TimeOnly sendingHoursStart, TimeOnly sendingHoursEnd)
    {
        if (wellbeingFollowUpDays < 1 || wellbeingFollowUpDays >= ReminderCadenceDays)
        {
            throw new HubFieldException(HubField.WellbeingFollowUpDays, $"The follow-up comes 1 to {ReminderCadenceDays - 1} days after the reminder, before the next one is due.");
        }

        if (allianceReminderAfterDays < 1 || allianceReminderAfterDays > InvitationExpiryDays - 1)
        {
            throw new HubFieldException(HubField.AllianceReminderAfterDays, $"The alliance reminder must come at least a day before the invitation expires: 1 to {InvitationExpiryDays - 1} days after it.");
        }

        if (sendingHoursEnd - sendingHoursStart < TimeSpan.FromHours(1) || sendingHoursEnd <= sendingHoursStart)
        {
            throw new HubFieldException(HubField.SendingHoursEnd, "Sending hours must span at least an hour within one day (for example 08:00 to 20:00).");
        }

        var copy = Copy();
        copy.WellbeingFollowUpDays = wellbeingFollowUpDays;
        copy.AllianceReminderAfterDays = allianceReminderAfterDays;
        copy.SendingHoursStart = sendingHoursStart;
        copy.SendingHoursEnd = sendingHoursEnd;
        return copy;
    }

    /// <exception cref="HubFieldException">The length is neither a month nor a quarter.</exception>
    public HubSettings WithReportingPeriod(ReportingPeriodLength length)
    {
        if (!Enum.IsDefined(length))
        {
            throw new HubFieldException(HubField.ReportingPeriod, "HR figures are published per month or per quarter.");
        }

        var copy = Copy();
        copy.ReportingPeriod = length;
        return copy;
    }

    private HubSettings Copy() => (HubSettings)MemberwiseClone();
}
