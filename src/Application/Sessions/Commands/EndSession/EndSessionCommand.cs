using Ardalis.Specification;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Sessions;

namespace Wellbeing.Application.Sessions.Commands.EndSession;

public sealed record EndSessionCommand(string UserId, Guid SessionId);

/// <summary>
/// Ends one of the professional's own sessions; ending it again (a retry, a double click) changes nothing. Returns the
/// client's id, whose profile the professional goes back to.
/// </summary>
public sealed class EndSessionHandler(
    IRepository<Professional> professionals,
    IRepository<CareSession> sessions,
    IRepository<Hub> hubs,
    IUnitOfWork unitOfWork,
    TimeProvider clock)
{
    public async Task<Guid> Handle(EndSessionCommand command, CancellationToken cancellationToken)
    {
        var professional = await professionals.FirstOrDefaultAsync(new ProfessionalByUserIdSpec(command.UserId), cancellationToken)
            ?? throw new NotFoundException("Professional");
        var hubIds = professional.Hubs.Select(h => h.HubId).ToList();
        var session = await sessions.FirstOrDefaultAsync(new OwnSessionSpec(command.SessionId, professional.Id, hubIds), cancellationToken)
            ?? throw new NotFoundException("Session");
        var hub = await hubs.FirstOrDefaultAsync(new HubByIdSpec(session.HubId), cancellationToken) ?? throw new NotFoundException("Session");

        // Whether this call opened the alliance invitation is the hub's cadence's business (CareSession.End).
        session.End(clock.GetUtcNow(), hub.Settings, hub.TimeZoneId);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return session.MemberId;
    }
}

public sealed class OwnSessionSpec : Specification<CareSession>
{
    public OwnSessionSpec(Guid sessionId, Guid professionalId, IReadOnlyCollection<Guid> hubIds) =>
        Query.Where(s => s.Id == sessionId && s.ProfessionalId == professionalId && hubIds.Contains(s.HubId)).AsTracking();
}
