using Wellbeing.Domain.Members;

namespace Wellbeing.Application.Administration.Common;

/// <summary>A member as the administrator's list shows them: no answer, score or share, only enrolment facts.</summary>
/// <param name="EnrolledAt">UTC.</param>
/// <param name="DeactivatedAt">UTC; null while active.</param>
/// <param name="HasAccount">Whether the member has signed up (an invitation accepted).</param>
public sealed record MemberRowDto(Guid HubId, Guid Id, string Name, string Email, string? Department, DateTimeOffset EnrolledAt, DateTimeOffset? DeactivatedAt, bool HasAccount)
{
    public bool IsActive => DeactivatedAt is null;

    public static MemberRowDto From(Member member) =>
        new(member.HubId, member.Id, member.DisplayName, member.Email, member.Department, member.EnrolledAt, member.DeactivatedAt, member.UserId is not null);
}
