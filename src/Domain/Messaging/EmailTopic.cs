namespace Wellbeing.Domain.Messaging;

/// <summary>
/// What a member can turn off separately: each topic covers one questionnaire's nudges, a first message and its one
/// reminder, so turning a topic off silences both and leaves the other questionnaire's e-mails as they were.
/// </summary>
public enum EmailTopic
{
    /// <summary><see cref="MessageKind.WellbeingReminder"/> and <see cref="MessageKind.WellbeingFollowUp"/>.</summary>
    WellbeingIndex = 1,

    /// <summary><see cref="MessageKind.AllianceInvitation"/> and <see cref="MessageKind.AllianceReminder"/>.</summary>
    AllianceSurvey = 2,
}

public static class EmailTopics
{
    /// <summary>The kinds that belong to a topic: every kind but <see cref="MessageKind.AccountInvitation"/>.</summary>
    public static readonly IReadOnlyList<MessageKind> Nudges =
        [MessageKind.WellbeingReminder, MessageKind.WellbeingFollowUp, MessageKind.AllianceInvitation, MessageKind.AllianceReminder];

    /// <summary>The topic a kind of message belongs to, which decides whether an opted-out member gets it.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not one of <see cref="Nudges"/>.</exception>
    public static EmailTopic Of(MessageKind kind) => kind switch
    {
        MessageKind.WellbeingReminder or MessageKind.WellbeingFollowUp => EmailTopic.WellbeingIndex,
        MessageKind.AllianceInvitation or MessageKind.AllianceReminder => EmailTopic.AllianceSurvey,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind of e-mail we send."),
    };
}
