using Ardalis.Specification;
using Wellbeing.Application.Auditing;
using Wellbeing.Application.Clients.Queries.GetSharing;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Auditing;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Sharing;

namespace Wellbeing.Application.Clients.Commands.ChangeSharing;

/// <param name="Measure">Null or undefined when the form was tampered with.</param>
/// <param name="Share">True to share, false to revoke.</param>
public sealed record ChangeSharingCommand(string UserId, Guid ProfessionalId, Measure? Measure, bool? Share);

public sealed class ChangeSharingHandler(
    IRepository<Member> members,
    IRepository<Hub> hubs,
    IRepository<ClientConnection> connections,
    IRepository<Professional> professionals,
    IRepository<ShareGrant> grants,
    IAuditLog audit,
    IUnitOfWork unitOfWork,
    TimeProvider clock)
{
    /// <returns>The professional's row as it is now, for the page to redraw.</returns>
    public async Task<SharingRowDto> Handle(ChangeSharingCommand command, CancellationToken cancellationToken)
    {
        if (command.Measure is not { } measure || !Enum.IsDefined(measure))
        {
            throw new DomainException("Choose what to share: Wellbeing or Alliance.");
        }

        if (command.Share is not { } share)
        {
            throw new DomainException("Choose whether to share or to stop sharing.");
        }

        var member = await members.OfUserAsync(command.UserId, cancellationToken);
        if (!await connections.AnyAsync(new ConnectionSpec(member.Id, member.HubId, command.ProfessionalId), cancellationToken))
        {
            throw new NotFoundException("Professional");
        }

        var professional = await professionals.FirstOrDefaultAsync(new ProfessionalsByIdsSpec([command.ProfessionalId]), cancellationToken)
            ?? throw new NotFoundException("Professional");
        var memberGrants = await grants.ListAsync(new ShareGrantsOfMemberSpec(member.Id, forUpdate: true), cancellationToken);
        var active = memberGrants.FirstOrDefault(g => g.ProfessionalId == professional.Id && g.Measure == measure && g.IsActive);

        // Sharing what is shared, or revoking what is not, changes nothing and records nothing.
        if (share && active is null)
        {
            var grant = new ShareGrant(member.HubId, member.Id, professional.Id, measure, clock.GetUtcNow());
            grants.Add(grant);
            audit.Record(AuditAction.ShareGranted, member.HubId, grant.Id.ToString());
            memberGrants.Add(grant);
        }
        else if (!share && active is not null)
        {
            active.Revoke(clock.GetUtcNow());
            audit.Record(AuditAction.ShareRevoked, member.HubId, active.Id.ToString());
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        var hub = await hubs.OfMemberAsync(member, cancellationToken);
        return SharingRows.For(professional, memberGrants, hub.TimeZoneId);
    }
}

/// <summary>The client works with this professional in the client's own hub.</summary>
public sealed class ConnectionSpec : Specification<ClientConnection>
{
    public ConnectionSpec(Guid memberId, Guid hubId, Guid professionalId) =>
        Query.Where(c => c.MemberId == memberId && c.HubId == hubId && c.ProfessionalId == professionalId).AsNoTracking();
}
