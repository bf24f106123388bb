using Microsoft.EntityFrameworkCore;
using Wellbeing.Application.Invitations;
using Wellbeing.Domain.Members;

namespace Wellbeing.Infrastructure.Persistence.ReadModels;

/// <summary>One query with a NOT EXISTS on the hub's pending member invitations, for the list and for the count alike.</summary>
public sealed class MembersToInviteReader(WellbeingDbContext db) : IMembersToInvite
{
    public Task<List<Member>> ListAsync(Guid hubId, DateTimeOffset now, CancellationToken cancellationToken) =>
        MembersToInvite(hubId, now).OrderBy(m => m.EnrolledAt).ThenBy(m => m.Id).ToListAsync(cancellationToken);

    public Task<int> CountAsync(Guid hubId, DateTimeOffset now, CancellationToken cancellationToken) =>
        MembersToInvite(hubId, now).CountAsync(cancellationToken);

    private IQueryable<Member> MembersToInvite(Guid hubId, DateTimeOffset now) =>
        db.Members.AsNoTracking().Where(m => m.HubId == hubId && m.UserId == null && m.DeactivatedAt == null
            && !db.Invitations.Any(i => i.HubId == hubId && i.MemberId == m.Id && i.Email == m.Email && i.UsedAt == null && i.WithdrawnAt == null && i.ExpiresAt > now));
}
