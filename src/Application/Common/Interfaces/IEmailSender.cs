namespace Wellbeing.Application.Common.Interfaces;

/// <summary>
/// One rendered e-mail to one person. Both bodies say the same; a nudge's unsubscribe link appears in both and in the
/// RFC 8058 headers.
/// </summary>
/// <param name="MessageId">The outbox message's id: it becomes the Message-ID, so a resend after an attempt whose outcome was lost carries the same one.</param>
/// <param name="To">The member's (or the invited person's) e-mail address.</param>
/// <param name="UnsubscribeUrl">Absolute HTTPS URL of the one-click unsubscribe endpoint (RFC 8058 section 3); null for an account invitation, which is no nudge anyone subscribed to.</param>
public sealed record EmailMessage(Guid MessageId, string To, string Subject, string TextBody, string HtmlBody, Uri? UnsubscribeUrl);

/// <summary>Hands an e-mail to the configured delivery: an SMTP server, or the pickup folder when none is configured.</summary>
public interface IEmailSender
{
    /// <summary>Returns once the message was accepted (by the SMTP server for delivery, or written to the pickup folder).</summary>
    /// <exception cref="EmailDeliveryException">Not accepted: nothing was delivered.</exception>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// The message was not accepted. <see cref="RecipientRefused"/>: the server permanently refused this recipient (an SMTP
/// 5xx reply to RCPT TO) or the address cannot be parsed at all, so sending it again cannot help; otherwise the server was down, refused us or the connection
/// broke, and a later attempt may succeed.
/// </summary>
public sealed class EmailDeliveryException(string message, bool recipientRefused, Exception? inner = null) : Exception(message, inner)
{
    public bool RecipientRefused { get; } = recipientRefused;
}
