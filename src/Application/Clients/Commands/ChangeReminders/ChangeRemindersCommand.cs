using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Messaging;

namespace Wellbeing.Application.Clients.Commands.ChangeReminders;

/// <param name="Topic">Which e-mails: null or an undefined value (an unreadable form field) is refused.</param>
/// <param name="Remind">False to stop that topic's e-mails, true to receive them again.</param>
public sealed record ChangeRemindersCommand(string UserId, EmailTopic? Topic, bool Remind);

public sealed class ChangeRemindersHandler(IRepository<Member> members, IUnitOfWork unitOfWork)
{
    /// <exception cref="DomainException">The topic is missing or not one of <see cref="EmailTopic"/>.</exception>
    public async Task Handle(ChangeRemindersCommand command, CancellationToken cancellationToken)
    {
        if (command.Topic is not { } topic || !Enum.IsDefined(topic))
        {
            throw new DomainException("Choose which e-mails to turn on or off.");
        }

        var member = await members.OfUserAsync(command.UserId, cancellationToken, forUpdate: true);
        member.ChooseEmails(topic, command.Remind);
        await unitOfWork.SaveChangesAsync(cancellationToken);
    }
}
