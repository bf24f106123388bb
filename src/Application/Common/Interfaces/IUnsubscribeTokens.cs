using Wellbeing.Domain.Messaging;

namespace Wellbeing.Application.Common.Interfaces;

/// <summary>What an unsubscribe link says: which message it came in, whose it was and of which kind.</summary>
public sealed record UnsubscribeRequest(Guid MessageId, Guid MemberId, MessageKind Kind);

/// <summary>
/// The opaque token in an e-mail's unsubscribe link (RFC 8058 one-click and the visible link alike): signed and
/// encrypted, so it can be neither read nor forged, and expiring, so an old forwarded e-mail stops working.
/// </summary>
public interface IUnsubscribeTokens
{
    /// <summary>A URL-safe token (base64url) naming the message, its member and its kind.</summary>
    string Issue(OutboxMessage message);

    /// <summary>The request the token names; null when it was tampered with, expired, or issued with other keys.</summary>
    UnsubscribeRequest? Read(string token);
}
