using System.Globalization;
using System.Net;
using Wellbeing.Domain.Invitations;

namespace Wellbeing.Application.Messaging;

/// <summary>
/// The words of an account invitation. Like every e-mail of the app it carries nothing clinical and, beyond the hub's
/// name and the role, nothing about anyone: no name of the inviting administrator, of a professional or of a department.
/// </summary>
public static class InvitationEmails
{
    /// <param name="link">The absolute URL of the invitation's set-password page, with its token.</param>
    /// <param name="expiresAt">UTC instant from which the link no longer works; written as a UTC date and time.</param>
    public static EmailContent Compose(InvitedRole role, string hubName, Uri link, DateTimeOffset expiresAt)
    {
        var purpose = role switch
        {
            InvitedRole.HrManager => $"to see the anonymised figures of the wellbeing programme of {hubName} as its HR manager",
            InvitedRole.Professional => $"to work with your clients in the wellbeing programme of {hubName}",
            InvitedRole.Member => $"to take part in the wellbeing programme of {hubName}",
            _ => throw new ArgumentOutOfRangeException(nameof(role), role, "No wording for this role."),
        };
        var until = expiresAt.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var subject = $"Your invitation to Wellbeing Hubs ({hubName})";
        var text = $"""
            Hello,

            You are invited {purpose}.

            Choose your password to create your account: {link}
            The link works once, until {until}. If it has expired, ask the programme's administrator to send it again.

            If you did not expect this e-mail, ignore it: no account is created without the link.
            """;
        var html = $"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(subject)}</title></head>
            <body style="font-family: sans-serif; line-height: 1.5; max-width: 36em;">
            <p>Hello,</p>
            <p>You are invited {WebUtility.HtmlEncode(purpose)}.</p>
            <p><a href="{WebUtility.HtmlEncode(link.AbsoluteUri)}">Choose your password</a> to create your account.
            The link works once, until {WebUtility.HtmlEncode(until)}. If it has expired, ask the programme's administrator to send it again.</p>
            <p style="font-size: small;">If you did not expect this e-mail, ignore it: no account is created without the link.</p>
            </body>
            </html>
            """;
        return new EmailContent(subject, text, html);
    }
}
