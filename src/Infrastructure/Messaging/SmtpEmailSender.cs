using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Wellbeing.Application.Common.Interfaces;

namespace Wellbeing.Infrastructure.Messaging;

/// <summary>Delivers through the configured SMTP server with MailKit: one connection per message, closed afterwards.</summary>
internal sealed class SmtpEmailSender(SmtpSettings smtp, MimeMessages messages) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var mime = messages.Create(message);
        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, Options(smtp.Security), cancellationToken);
            if (smtp.UserName is not null)
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
            }

            await client.SendAsync(mime, cancellationToken);
        }
        catch (SmtpCommandException exception)
        {
            // The server's reply text often quotes the recipient's address, which must not reach the log: only the codes.
            throw new EmailDeliveryException(
                $"The SMTP server answered {(int)exception.StatusCode} ({exception.ErrorCode}).",
                recipientRefused: exception.ErrorCode == SmtpErrorCode.RecipientNotAccepted && (int)exception.StatusCode >= 500);
        }
        catch (Exception exception) when (exception is IOException or SocketException or ProtocolException or CommandException
                                              or AuthenticationException or SslHandshakeException or ServiceNotConnectedException
                                              or ServiceNotAuthenticatedException)
        {
            throw new EmailDeliveryException($"The SMTP server did not accept the message ({exception.GetType().Name}).", recipientRefused: false, exception);
        }

        // Accepted once SendAsync returned: a failed QUIT changes nothing about the delivery, so it must not fail the send.
        try
        {
            await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (Exception exception) when (exception is IOException or SocketException or ProtocolException)
        {
            // The connection is closed by disposal either way.
        }
    }

    private static SecureSocketOptions Options(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, null),
    };
}
