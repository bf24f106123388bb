using MimeKit;
using MimeKit.Cryptography;
using Wellbeing.Application.Common.Interfaces;

namespace Wellbeing.Infrastructure.Messaging;

/// <summary>Turns an <see cref="EmailMessage"/> into the MIME message both deliveries (SMTP, pickup folder) hand on.</summary>
internal sealed class MimeMessages(EmailSettings settings, TimeProvider clock)
{
    // RFC 8058 section 4: the DKIM signature must cover both List-Unsubscribe headers, or a receiver ignores them.
    private static readonly HeaderId[] SignedHeaders =
    [
        HeaderId.From, HeaderId.To, HeaderId.Subject, HeaderId.Date, HeaderId.MessageId, HeaderId.MimeVersion, HeaderId.ContentType,
        HeaderId.ListUnsubscribe, HeaderId.ListUnsubscribePost,
    ];

    private readonly DkimSigner? signer = settings.Dkim is { } dkim
        ? new DkimSigner(dkim.PrivateKeyPath, dkim.Domain, dkim.Selector)
        {
            HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
            BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
        }
        : null;

    /// <exception cref="EmailDeliveryException">
    /// The recipient's address cannot be parsed (RFC 5322 section 3.4): refused as a permanent refusal of that recipient
    /// would be, since no later attempt can send it.
    /// </exception>
    public MimeMessage Create(EmailMessage email)
    {
        if (!MailboxAddress.TryParse(email.To, out var to))
        {
            // Never the address itself: it is personal data, and the log is no place for it.
            throw new EmailDeliveryException("The recipient's address cannot be parsed.", recipientRefused: true);
        }

        var message = new MimeMessage
        {
            // The outbox id names the message: a resend after a lost outcome is recognisably the same message.
            MessageId = $"{email.MessageId:N}@{settings.Outbox.PublicBaseUrl.Host}",
            Date = clock.GetUtcNow(),
            Subject = email.Subject,
            Body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody }.ToMessageBody(),
        };
        message.From.Add(settings.From);
        message.To.Add(to);

        // RFC 8058 section 3: the HTTPS URI a receiver POSTs "List-Unsubscribe=One-Click" to, without the user's cookies.
        if (email.UnsubscribeUrl is { } unsubscribe)
        {
            message.Headers.Add(HeaderId.ListUnsubscribe, $"<{unsubscribe.AbsoluteUri}>");
            message.Headers.Add(HeaderId.ListUnsubscribePost, "List-Unsubscribe=One-Click");
        }

        // A machine-sent message (RFC 3834 section 5): out-of-office replies should not answer it.
        message.Headers.Add(HeaderId.AutoSubmitted, "auto-generated");

        if (signer is not null)
        {
            // Signing needs the final transfer encoding, or a relay re-encoding 8-bit text would break the body hash.
            message.Prepare(EncodingConstraint.SevenBit);
            signer.Sign(message, SignedHeaders);
        }

        return message;
    }
}
