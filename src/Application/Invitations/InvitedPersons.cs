using Wellbeing.Domain.Invitations;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Professionals;

namespace Wellbeing.Application.Invitations;

/// <summary>
/// <see cref="Invitation.StillFor"/> asked of the member or professional an invitation names, as loaded (neither for an
/// HR manager's): the link page, a resend and the outbox's sender ask it alike.
/// </summary>
public static class InvitedPersons
{
    public static bool StillForPerson(this Invitation invitation, Member? member, Professional? professional)
    {
        var (email, userId, active) = PersonOf(member, professional);
        return invitation.StillFor(email, userId, active);
    }

    /// <exception cref="Domain.Common.DomainException">The person no longer fits the invitation (<see cref="Invitation.EnsureStillFor"/>).</exception>
    public static void EnsureStillForPerson(this Invitation invitation, Member? member, Professional? professional)
    {
        var (email, userId, active) = PersonOf(member, professional);
        invitation.EnsureStillFor(email, userId, active);
    }

    private static (string? Email, string? UserId, bool Active) PersonOf(Member? member, Professional? professional) =>
        (member?.Email ?? professional?.Email, member?.UserId ?? professional?.UserId, member?.IsActive ?? true);
}
