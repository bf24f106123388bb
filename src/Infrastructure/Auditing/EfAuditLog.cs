using Wellbeing.Application.Auditing;
using Wellbeing.Domain.Auditing;
using Wellbeing.Infrastructure.Persistence;

namespace Wellbeing.Infrastructure.Auditing;

/// <summary>Adds entries to the context; <see cref="WellbeingDbContext"/> chains them when it saves.</summary>
internal sealed class EfAuditLog(WellbeingDbContext db, IAuditActor actor, TimeProvider clock) : IAuditLog
{
    public void Record(AuditAction action, Guid? hubId, string? objectId, AuditOutcome outcome = AuditOutcome.Succeeded, string? userId = null, string? role = null, string? detail = null) =>
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow(), userId ?? actor.UserId, role ?? actor.Role, hubId, action, objectId, outcome, actor.RemoteAddress, detail));
}

/// <summary>Outside a web host (a command): the system, from nowhere.</summary>
internal sealed class NoAuditActor : IAuditActor
{
    public string? UserId => null;

    public string? Role => AuditEntry.SystemRole;

    public string? RemoteAddress => null;
}
