using Wellbeing.Application.Administration.Common;
using Wellbeing.Application.Auditing;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Domain.Auditing;
using Wellbeing.Domain.Members;

namespace Wellbeing.Application.Administration.Commands.ChangeMemberStatus;

/// <param name="Active">True to reactivate, false to deactivate; null (an unreadable form) is refused.</param>
public sealed record ChangeMemberStatusCommand(Guid HubId, Guid MemberId, bool? Active);

/// <summary>
/// An administrator deactivates or reactivates a member. Sending the current state again (a double click, two tabs)
/// changes nothing and records nothing; a change is recorded in the audit log. Published HR figures are never touched:
/// each closed period's block was computed once and is kept.
/// </summary>
public sealed class ChangeMemberStatusHandler(IRepository<Member> members, IAuditLog audit, IUnitOfWork unitOfWork, TimeProvider clock)
{
    /// <returns>The member as the list shows them afterwards.</returns>
    /// <exception cref="NotFoundException">No member of this hub has this id.</exception>
    /// <exception cref="Domain.Common.DomainException">No choice given.</exception>
    public async Task<MemberRowDto> Handle(ChangeMemberStatusCommand command, CancellationToken cancellationToken)
    {
        var active = command.Active ?? throw new Domain.Common.DomainException("Choose whether the member is active.");
        var member = await members.FirstOrDefaultAsync(new MemberOfHubSpec(command.HubId, command.MemberId, forUpdate: true), cancellationToken)
            ?? throw new NotFoundException("Member");
        if (active && !member.IsActive)
        {
            member.Reactivate();
            audit.Record(AuditAction.MemberReactivated, member.HubId, member.Id.ToString());
        }
        else if (!active && member.IsActive)
        {
            member.Deactivate(clock.GetUtcNow());
            audit.Record(AuditAction.MemberDeactivated, member.HubId, member.Id.ToString());
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return MemberRowDto.From(member);
    }
}
