using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Application.Professionals.Common;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Sessions;

namespace Wellbeing.Application.Sessions.Commands.ScheduleSession;

/// <param name="SessionId">The id the booking form was drawn with (hidden field): sending the form again books nothing new.</param>
/// <param name="StartsAt">The wall-clock time the professional typed, read in the client's hub time zone.</param>
public sealed record ScheduleSessionCommand(string UserId, Guid MemberId, Guid SessionId, DateOnly Date, TimeOnly StartsAt);

/// <summary>
/// Books the pair's next session. Idempotent per form: a double click, a resubmit or parallel copies of one form
/// store one session. Numbers are unique per pair by a unique index (member, professional, number); a booking that
/// loses the race for a number takes the next one.
/// </summary>
public sealed class ScheduleSessionHandler(
    ConnectedClients clients,
    IRepository<CareSession> sessions,
    IUnitOfWork unitOfWork,
    TimeProvider clock)
{
    /// <summary>Each lost race means another booking of the same pair was saved meanwhile; people book one at a time.</summary>
    private const int MaxAttempts = 10;

    /// <returns>The session's id, whether this call or an earlier copy of the form booked it.</returns>
    /// <exception cref="DomainException">A start outside the booking window, a skipped wall time, or a form without its id.</exception>
    public async Task<Guid> Handle(ScheduleSessionCommand command, CancellationToken cancellationToken)
    {
        var (professional, member, hub) = await clients.FindAsync(command.UserId, command.MemberId, cancellationToken);
        if (command.SessionId == Guid.Empty)
        {
            throw new DomainException("This form is incomplete. Please open the client's page again.");
        }

        if (await BookedAsync(command.SessionId, member.Id, professional.Id, cancellationToken))
        {
            return command.SessionId;
        }

        var scheduledAt = hub.ToUtc(command.Date.ToDateTime(command.StartsAt));
        CareSession.EnsureBookable(scheduledAt, clock.GetUtcNow(), hub.TimeZoneId);

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            // The pair's n-th session: the alliance cadence (every session, every 2nd, every 3rd) counts these.
            var last = await sessions.FirstOrDefaultAsync(new LastSessionNumberSpec(member.Id, professional.Id), cancellationToken);
            var session = new CareSession(hub.Id, member.Id, professional.Id, scheduledAt, last + 1, id: command.SessionId);
            sessions.Add(session);
            try
            {
                await unitOfWork.SaveChangesAsync(cancellationToken);
                return session.Id;
            }
            catch (ConflictException)
            {
                sessions.Remove(session);
                if (await BookedAsync(command.SessionId, member.Id, professional.Id, cancellationToken))
                {
                    return command.SessionId;
                }
            }
        }

        throw new ConflictException("The session could not be booked. Please try again.");
    }

    /// <summary>Whether a copy of this form was saved; another pair's id is a 404, never a way to touch their session.</summary>
    private async Task<bool> BookedAsync(Guid sessionId, Guid memberId, Guid professionalId, CancellationToken cancellationToken)
    {
        var existing = await sessions.FirstOrDefaultAsync(new SessionByIdSpec(sessionId), cancellationToken);
        if (existing is not null && (existing.MemberId != memberId || existing.ProfessionalId != professionalId))
        {
            throw new NotFoundException("Session");
        }

        return existing is not null;
    }
}
