using Wellbeing.Application.Common.Interfaces;

namespace Wellbeing.Infrastructure.Messaging;

/// <summary>
/// The embedded default when no SMTP server is configured: each message becomes an .eml file (RFC 5322, opens in any
/// mail client) in the pickup folder, so a newcomer can read what would have been sent.
/// </summary>
internal sealed class PickupFolderEmailSender(PickupFolder folder, MimeMessages messages) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var mime = messages.Create(message);
        Directory.CreateDirectory(folder.Path);

        // Written under a temporary name and renamed, so a reader watching the folder never opens half a message.
        var target = System.IO.Path.Combine(folder.Path, $"{mime.Date.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{message.MessageId:N}.eml");
        var partial = target + ".partial";
        try
        {
            await mime.WriteToAsync(partial, cancellationToken);
            File.Move(partial, target, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new EmailDeliveryException("The message could not be written to the pickup folder.", recipientRefused: false, exception);
        }
    }
}

/// <summary>The pickup folder's absolute path (<see cref="EmailSettings.PickupFolder"/> resolved against the content root).</summary>
public sealed record PickupFolder(string Path);
