using Ardalis.Specification;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Messaging;
using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Sessions;

namespace Wellbeing.Application.Sessions.Commands.EndSession;

public sealed record EndSessionCommand(string UserId, Guid SessionId);

/// <summary>
/// Ends one of the professional's own sessions; ending it again (a retry, a double click) changes nothing. When that
/// opens an alliance invitation, the invitation e-mail and its reminder (<see cref="AllianceReminders"/>) are recorded
/// in the outbox in the same transaction, if the client wants them (<see cref="Member.Wants"/>). Returns the client's
/// id, whose profile the professional goes back to.
/// </summary>
public sealed class EndSessionHandler(
    IRepository<Professional> professionals,
    IRepository<CareSession> sessions,
    IRepository<Hub> hubs,
    IRepository<Member> members,
    IRepository<OutboxMessage> outbox,
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
        var now = clock.GetUtcNow();
        if (session.End(now, hub.Settings, hub.TimeZoneId)
            && await members.FirstOrDefaultAsync(new MembersByIdsSpec([session.MemberId]), cancellationToken) is { } member
            && member.Wants(MessageKind.AllianceInvitation))
        {
            foreach (var message in AllianceReminders.For(session, hub, now))
            {
                outbox.Add(message);
            }
        }

        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (ConflictException)
        {
            // A concurrent request ended the session first and recorded its invitation (the outbox's unique key
            // refused this one's): the session is ended, which is all this request asked for.
        }

        return session.MemberId;
    }
}

public sealed class OwnSessionSpec : Specification<CareSession>
{
    public OwnSessionSpec(Guid sessionId, Guid professionalId, IReadOnlyCollection<Guid> hubIds) =>
        Query.Where(s => s.Id == sessionId && s.ProfessionalId == professionalId && hubIds.Contains(s.HubId)).AsTracking();
}
