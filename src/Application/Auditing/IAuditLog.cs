using Wellbeing.Domain.Auditing;

namespace Wellbeing.Application.Auditing;

/// <summary>
/// Records what people do, for the audit log. An entry recorded here is written by the use case's next
/// <see cref="Common.Interfaces.IUnitOfWork.SaveChangesAsync"/>, in the same transaction as the change it records, so
/// the log never claims what did not happen and never misses what did. The time, the acting account, its role and the
/// remote address come from the request (<see cref="IAuditActor"/>).
/// </summary>
public interface IAuditLog
{
    /// <param name="hubId">The hub the action concerns, if any.</param>
    /// <param name="objectId">What was acted on (a member, a grant, a client id); never a name, e-mail, answer or score.</param>
    /// <param name="userId">The account, when it is not the signed-in one (a failed sign-in names the account tried).</param>
    /// <param name="role">That account's role, when the entry is about an account that is not the actor's (a failed sign-in);
    /// otherwise the actor's (<see cref="IAuditActor.Role"/>).</param>
    /// <param name="detail">What changed, where the action's entry says (<see cref="AuditEntry.Detail"/>).</param>
    void Record(AuditAction action, Guid? hubId, string? objectId, AuditOutcome outcome = AuditOutcome.Succeeded, string? userId = null, string? role = null, string? detail = null);
}

/// <summary>Who is acting and from where: the signed-in account of the current request, or the system (a background job, a command).</summary>
public interface IAuditActor
{
    string? UserId { get; }

    /// <summary>The signed-in account's role; null in a request nobody is signed in to; <see cref="AuditEntry.SystemRole"/> outside requests.</summary>
    string? Role { get; }

    /// <summary>The client's address as the app sees it (behind a proxy, from the forwarded headers).</summary>
    string? RemoteAddress { get; }
}
