using Wellbeing.Domain.Messaging;

namespace Wellbeing.Web.Formatting;

/// <summary>How pages name an e-mail topic: the kind of e-mail only, never anything about the person.</summary>
public static class EmailTopicNames
{
    /// <summary>A heading: "Wellbeing Index reminders".</summary>
    public static string Name(this EmailTopic topic) => topic switch
    {
        EmailTopic.WellbeingIndex => "Wellbeing Index reminders",
        EmailTopic.AllianceSurvey => "Alliance survey invitations",
        _ => throw new ArgumentOutOfRangeException(nameof(topic), topic, "Not an e-mail topic."),
    };

    /// <summary>What the e-mails are, to follow "we e-mail you" or "you do not receive".</summary>
    public static string Purpose(this EmailTopic topic) => topic switch
    {
        EmailTopic.WellbeingIndex => "a reminder when your Wellbeing Index is due, and one follow-up a few days later if it is still due",
        EmailTopic.AllianceSurvey => "an invitation to the alliance survey after a session, and one reminder before the survey closes",
        _ => throw new ArgumentOutOfRangeException(nameof(topic), topic, "Not an e-mail topic."),
    };
}
