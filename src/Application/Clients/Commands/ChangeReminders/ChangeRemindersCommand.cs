using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Domain.Members;

namespace Wellbeing.Application.Clients.Commands.ChangeReminders;

/// <param name="Remind">False to stop e-mail reminders, true to receive them again.</param>
public sealed record ChangeRemindersCommand(string UserId, bool Remind);

public sealed class ChangeRemindersHandler(IRepository<Member> members, IUnitOfWork unitOfWork)
{
    public async Task Handle(ChangeRemindersCommand command, CancellationToken cancellationToken)
    {
        var member = await members.OfUserAsync(command.UserId, cancellationToken, forUpdate: true);
        if (command.Remind)
        {
            member.OptIntoReminders();
        }
        else
        {
            member.OptOutOfReminders();
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
    }
}
