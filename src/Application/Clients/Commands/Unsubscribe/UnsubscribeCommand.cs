using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Messaging;

namespace Wellbeing.Application.Clients.Commands.Unsubscribe;

/// <param name="Token">The token from the link's path, as the e-mail carried it.</param>
public sealed record UnsubscribeCommand(string Token);

/// <summary>
/// Turns off the topic of the message whose unsubscribe link was used (RFC 8058 one-click, or the confirmation page's
/// button), and records that the link was used, in one transaction. A broken or used link changes nothing. Two posts of
/// one link at the same instant may both find it unused; both then make the same change, so the outcome is the same as
/// for one.
/// </summary>
public sealed class UnsubscribeHandler(
    IUnsubscribeTokens tokens,
    IRepository<OutboxMessage> messages,
    IRepository<Member> members,
    IUnitOfWork unitOfWork,
    TimeProvider clock)
{
    public async Task<UnsubscribeLinkDto> Handle(UnsubscribeCommand command, CancellationToken cancellationToken)
    {
        if (await UnsubscribeLink.MessageAsync(command.Token, tokens, messages, forUpdate: true, cancellationToken) is not { MemberId: { } memberId } message
            || await members.FirstOrDefaultAsync(new MemberByIdSpec(memberId, forUpdate: true), cancellationToken) is not { } member)
        {
            return UnsubscribeLinkDto.Broken;
        }

        var topic = EmailTopics.Of(message.Kind);
        if (!message.UseUnsubscribeLink(clock.GetUtcNow()))
        {
            return new UnsubscribeLinkDto(UnsubscribeLinkState.Used, topic);
        }

        member.ChooseEmails(topic, receive: false);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new UnsubscribeLinkDto(UnsubscribeLinkState.Works, topic);
    }
}
