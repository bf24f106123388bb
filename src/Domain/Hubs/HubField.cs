using Wellbeing.Domain.Common;

namespace Wellbeing.Domain.Hubs;

/// <summary>What an administrator types about a hub: its identity and each of its settings, one value per field.</summary>
public enum HubField
{
    Name,
    Organisation,
    Slug,
    TimeZoneId,
    K,
    KDistribution,
    ReportingPeriod,
    ReminderCadenceDays,
    WellbeingFollowUpDays,
    SendingHoursStart,
    SendingHoursEnd,
    AllianceCadence,
    InvitationExpiryDays,
    AllianceReminderAfterDays,
    PoorUpTo,
    ModerateUpTo,
    TrendThreshold,
    AllianceLowThreshold,
    AllianceDropThreshold,
    LowParticipationPercent,
}

/// <summary>A hub's field broke a rule; <see cref="Field"/> says which, so a form can put the message beside it.</summary>
public sealed class HubFieldException(HubField field, string message) : DomainException(message)
{
    public HubField Field { get; } = field;

    public HubFieldError Error => new(Field, Message);
}
