using Ardalis.Specification;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Domain.Messaging;

namespace Wellbeing.Application.Clients;

/// <summary>What an e-mail's unsubscribe link can do when it is opened or posted.</summary>
public enum UnsubscribeLinkState
{
    /// <summary>The link works (a GET asks to confirm; a POST has just turned the topic off).</summary>
    Works,

    /// <summary>The link was used before; using it again changes nothing.</summary>
    Used,

    /// <summary>Tampered with, expired, or its message is gone with the member's account: nothing can be changed.</summary>
    Broken,
}

/// <param name="Topic">The e-mails the link is about; null when the link is <see cref="UnsubscribeLinkState.Broken"/>.</param>
public sealed record UnsubscribeLinkDto(UnsubscribeLinkState State, EmailTopic? Topic)
{
    public static readonly UnsubscribeLinkDto Broken = new(UnsubscribeLinkState.Broken, null);
}

public static class UnsubscribeLink
{
    /// <summary>
    /// The message a token names, when the token is intact, unexpired and agrees with the stored message (member and
    /// kind); otherwise null.
    /// </summary>
    public static async Task<OutboxMessage?> MessageAsync(
        string token, IUnsubscribeTokens tokens, IRepository<OutboxMessage> messages, bool forUpdate, CancellationToken cancellationToken)
    {
        if (tokens.Read(token) is not { } request)
        {
            return null;
        }

        var message = await messages.FirstOrDefaultAsync(new OutboxMessageByIdSpec(request.MessageId, forUpdate), cancellationToken);
        return message is not null && message.MemberId == request.MemberId && message.Kind == request.Kind ? message : null;
    }
}

public sealed class OutboxMessageByIdSpec : Specification<OutboxMessage>
{
    public OutboxMessageByIdSpec(Guid id, bool forUpdate) =>
        Query.Where(m => m.Id == id).AsTracking(forUpdate).AsNoTracking(!forUpdate);
}
