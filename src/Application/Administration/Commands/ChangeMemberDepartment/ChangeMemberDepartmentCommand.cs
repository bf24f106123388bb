using Wellbeing.Application.Administration.Common;
using Wellbeing.Application.Auditing;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Domain.Auditing;
using Wellbeing.Domain.Members;

namespace Wellbeing.Application.Administration.Commands.ChangeMemberDepartment;

/// <param name="Department">The new department as typed; empty for none.</param>
public sealed record ChangeMemberDepartmentCommand(Guid HubId, Guid MemberId, string? Department);

/// <summary>
/// An administrator moves a member to another department (<see cref="Member.ChangeDepartment"/>). Published HR figures
/// keep the department each period was published with; see docs/decisions/0006, "Changing people". A change is
/// recorded in the audit log (the member's id only); the same department again changes and records nothing.
/// </summary>
public sealed class ChangeMemberDepartmentHandler(IRepository<Member> members, IAuditLog audit, IUnitOfWork unitOfWork)
{
    /// <returns>The member as the list shows them afterwards.</returns>
    /// <exception cref="NotFoundException">No member of this hub has this id.</exception>
    /// <exception cref="Domain.Common.DomainException">The department name is refused (<see cref="Member.NormaliseDepartment"/>).</exception>
    public async Task<MemberRowDto> Handle(ChangeMemberDepartmentCommand command, CancellationToken cancellationToken)
    {
        var member = await members.FirstOrDefaultAsync(new MemberOfHubSpec(command.HubId, command.MemberId, forUpdate: true), cancellationToken)
            ?? throw new NotFoundException("Member");
        var before = member.Department;
        member.ChangeDepartment(command.Department);
        if (member.Department != before)
        {
            audit.Record(AuditAction.MemberDepartmentChanged, member.HubId, member.Id.ToString());
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return MemberRowDto.From(member);
    }
}
