using Wellbeing.Domain.Invitations;
using Wellbeing.Domain.Members;

namespace Wellbeing.Application.Invitations;

/// <summary>
/// The active members of a hub without a sign-in account whom no pending invitation to their current address is for:
/// those "invite every member" invites. An invitation that went to an address corrected since no longer works
/// (<see cref="Invitation.StillFor"/>), so it does not count as pending. Decided in the database (one query, not
/// per member), since a hub enrolled by an HR file can hold a hundred thousand such members.
/// </summary>
public interface IMembersToInvite
{
    /// <param name="now">UTC; an invitation that expired by then is not pending.</param>
    /// <returns>Untracked, oldest enrolment first.</returns>
    Task<List<Member>> ListAsync(Guid hubId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <param name="now">UTC; an invitation that expired by then is not pending.</param>
    Task<int> CountAsync(Guid hubId, DateTimeOffset now, CancellationToken cancellationToken);
}
