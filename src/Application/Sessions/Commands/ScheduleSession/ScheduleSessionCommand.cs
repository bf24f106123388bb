using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Common.Specifications.Shared;
using Wellbeing.Application.Professionals.Common;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Sessions;

namespace Wellbeing.Application.Sessions.Commands.ScheduleSession;

/// <param name="StartsAt">The wall-clock time the professional typed, read in the client's hub time zone.</param>
public sealed record ScheduleSessionCommand(string UserId, Guid MemberId, DateOnly Date, TimeOnly StartsAt);

public sealed class ScheduleSessionHandler(
    ConnectedClients clients,
    IRepository<CareSession> sessions,
    IUnitOfWork unitOfWork,
    TimeProvider clock)
{
    /// <summary>Sessions may be booked up to a year ahead, or entered up to 30 days after they happened.</summary>
    public const int MaxDaysAhead = 365;
    public const int MaxDaysBack = 30;

    public async Task<Guid> Handle(ScheduleSessionCommand command, CancellationToken cancellationToken)
    {
        var (professional, member, hub) = await clients.FindAsync(command.UserId, command.MemberId, cancellationToken);
        var scheduledAt = hub.ToUtc(command.Date.ToDateTime(command.StartsAt));
        var now = clock.GetUtcNow();
        if (scheduledAt > now.AddDays(MaxDaysAhead) || scheduledAt < now.AddDays(-MaxDaysBack))
        {
            throw new DomainException($"Choose a date from {MaxDaysBack} days ago up to a year from now.");
        }

        // The pair's n-th session: the alliance cadence (every session, every 2nd, every 3rd) counts these.
        var sequence = await sessions.CountAsync(new PairSessionsSpec(member.Id, professional.Id), cancellationToken) + 1;
        var session = new CareSession(hub.Id, member.Id, professional.Id, scheduledAt, sequence);
        sessions.Add(session);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return session.Id;
    }
}
