using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Domain.Messaging;

namespace Wellbeing.Application.Clients.Queries.GetUnsubscribeLink;

/// <param name="Token">The token from the link's path, as the e-mail carried it.</param>
public sealed record GetUnsubscribeLinkQuery(string Token);

/// <summary>What the link's confirmation page offers; changes nothing, so a mail scanner opening the link is harmless.</summary>
public sealed class GetUnsubscribeLinkHandler(IUnsubscribeTokens tokens, IRepository<OutboxMessage> messages)
{
    public async Task<UnsubscribeLinkDto> Handle(GetUnsubscribeLinkQuery query, CancellationToken cancellationToken) =>
        await UnsubscribeLink.MessageAsync(query.Token, tokens, messages, forUpdate: false, cancellationToken) is { } message
            ? new UnsubscribeLinkDto(message.UnsubscribeLinkUsedAt is null ? UnsubscribeLinkState.Works : UnsubscribeLinkState.Used, EmailTopics.Of(message.Kind))
            : UnsubscribeLinkDto.Broken;
}
