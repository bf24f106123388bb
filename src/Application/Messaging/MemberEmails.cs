using System.Net;
using Wellbeing.Domain.Messaging;

namespace Wellbeing.Application.Messaging;

/// <summary>Subject and both bodies of one e-mail.</summary>
public sealed record EmailContent(string Subject, string TextBody, string HtmlBody);

/// <summary>
/// The words of each kind of e-mail. By design they carry nothing clinical: no score, answer, bracket, note, not even
/// the professional's name; only the hub's name, why the member gets it, a link to the page (which asks them to sign in
/// first) and the unsubscribe link. Whoever reads the member's inbox learns only that they take part in the programme.
/// </summary>
public static class MemberEmails
{
    private sealed record Wording(string Subject, string Lead, string Action, string Topic);

    /// <param name="link">The absolute URL of the page to open: the Wellbeing Index form, or the survey about one session.</param>
    /// <param name="unsubscribe">The absolute URL of the unsubscribe page for this message.</param>
    public static EmailContent Compose(MessageKind kind, string hubName, Uri link, Uri unsubscribe)
    {
        var wording = WordingOf(kind, hubName);
        var text = $"""
            Hello,

            {wording.Lead}

            {wording.Action}: {link}
            You will be asked to sign in first.

            You get this e-mail because you take part in the wellbeing programme of {hubName}.
            To stop {wording.Topic}, open {unsubscribe}
            """;

        var hub = WebUtility.HtmlEncode(hubName);
        var lead = WebUtility.HtmlEncode(wording.Lead);
        var html = $"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(wording.Subject)}</title></head>
            <body style="font-family: sans-serif; line-height: 1.5; max-width: 36em;">
            <p>Hello,</p>
            <p>{lead}</p>
            <p><a href="{WebUtility.HtmlEncode(link.AbsoluteUri)}">{WebUtility.HtmlEncode(wording.Action)}</a> (you will be asked to sign in first)</p>
            <hr>
            <p style="font-size: small;">You get this e-mail because you take part in the wellbeing programme of {hub}.
            <a href="{WebUtility.HtmlEncode(unsubscribe.AbsoluteUri)}">Stop {WebUtility.HtmlEncode(wording.Topic)}</a></p>
            </body>
            </html>
            """;
        return new EmailContent(wording.Subject, text, html);
    }

    private static Wording WordingOf(MessageKind kind, string hubName) => kind switch
    {
        MessageKind.WellbeingReminder => new Wording(
            $"Time for your Wellbeing Index ({hubName})",
            $"It is time to fill in your Wellbeing Index at {hubName}: five short statements about how you have been feeling over the last two weeks. It takes about two minutes.",
            "Fill in the Wellbeing Index",
            "Wellbeing Index reminders"),
        MessageKind.WellbeingFollowUp => new Wording(
            $"Your Wellbeing Index is still waiting ({hubName})",
            $"A few days ago we let you know that your Wellbeing Index at {hubName} was due. If you have a moment, it takes about two minutes. This is the last reminder until the next one falls due.",
            "Fill in the Wellbeing Index",
            "Wellbeing Index reminders"),
        MessageKind.AllianceInvitation => new Wording(
            $"How did your session go? ({hubName})",
            $"Your session at {hubName} has ended. Please tell your professional how it went in the Professional Alliance Survey: a few questions, about a minute.",
            "Answer the Professional Alliance Survey",
            "Professional Alliance Survey invitations"),
        MessageKind.AllianceReminder => new Wording(
            $"Your Professional Alliance Survey closes soon ({hubName})",
            $"The Professional Alliance Survey about your recent session at {hubName} is still open, and closes soon. It takes about a minute.",
            "Answer the Professional Alliance Survey",
            "Professional Alliance Survey invitations"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No wording for this kind of e-mail."),
    };
}
