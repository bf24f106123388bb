namespace Wellbeing.Domain.Messaging;

/// <summary>
/// The e-mails the app sends. Each but <see cref="AccountInvitation"/> is a nudge back to a questionnaire; none carries
/// clinical data (no score, answer, bracket or note), only the hub's name, the purpose and a link.
/// </summary>
public enum MessageKind
{
    /// <summary>The member's latest Wellbeing Index is older than the hub's cadence (or they have none yet).</summary>
    WellbeingReminder = 1,

    /// <summary>Sent once, the hub's follow-up days after a <see cref="WellbeingReminder"/>, if the index is still due.</summary>
    WellbeingFollowUp = 2,

    /// <summary>A session ended and the hub's alliance cadence asks for a survey about it.</summary>
    AllianceInvitation = 3,

    /// <summary>Sent once before an unanswered <see cref="AllianceInvitation"/> expires.</summary>
    AllianceReminder = 4,

    /// <summary>
    /// An administrator invited someone to create an account (HR manager, professional or member): the link of an
    /// <c>Invitation</c>. Not a nudge, so it belongs to no <see cref="EmailTopic"/>, has no unsubscribe link and is sent
    /// at once rather than in the hub's sending hours: the administrator is waiting for it.
    /// </summary>
    AccountInvitation = 5,
}
