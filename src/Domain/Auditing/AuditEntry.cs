using Wellbeing.Domain.Common;

namespace Wellbeing.Domain.Auditing;

/// <summary>
/// One line of the append-only audit log: who (account and role), when (UTC), from where (remote address), in which
/// hub, did what to which object, with what outcome. It holds no name, e-mail, answer or score. Each entry is linked
/// to the one before by <see cref="PreviousHash"/> (see <see cref="AuditChain"/>), so an edited, deleted or reordered
/// entry breaks the chain; entries are never changed once written.
/// </summary>
public sealed class AuditEntry : IAggregateRoot
{
    private AuditEntry()
    {
    }

    /// <summary>The longest <see cref="Detail"/> stored (the column length).</summary>
    public const int MaxDetailLength = 1000;

    /// <summary>A new entry, not yet in the log: <see cref="Append"/> gives it its place when it is saved.</summary>
    /// <param name="at">Any offset; kept as UTC, cut to whole microseconds (the finest time every supported database
    /// keeps), so that the hash of the entry as read back equals the hash it was written with.</param>
    /// <param name="detail">What changed, for the actions that say (see <see cref="Detail"/>); at most <see cref="MaxDetailLength"/> characters.</param>
    /// <exception cref="ArgumentException">The detail is longer than its column.</exception>
    public AuditEntry(
        DateTimeOffset at, string? userId, string? role, Guid? hubId, AuditAction action, string? objectId, AuditOutcome outcome, string? remoteAddress,
        string? detail = null)
    {
        if (detail?.Length > MaxDetailLength)
        {
            throw new ArgumentException($"An audit entry's detail is at most {MaxDetailLength} characters.", nameof(detail));
        }

        Id = Guid.NewGuid();
        var utc = at.ToUniversalTime();
        At = utc.AddTicks(-(utc.Ticks % TicksPerMicrosecond));
        UserId = userId;
        Role = role;
        HubId = hubId;
        Action = action;
        ObjectId = objectId;
        Outcome = outcome;
        RemoteAddress = remoteAddress;
        Detail = detail;
    }

    /// <summary>
    /// The <see cref="Role"/> of an entry written outside any request: a background job (a member import, for example) or
    /// a command. The job's <see cref="UserId"/>, if any, is the person it acts for (who confirmed the import).
    /// </summary>
    public const string SystemRole = "system";

    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    /// <summary>The row's key, so entries waiting to be appended can be told apart; not part of what is hashed.</summary>
    public Guid Id { get; private set; }

    /// <summary>The entry's place in the log, from 1 without gaps; 0 until it is appended. Unique in the database, so two
    /// writers that read the same last entry cannot both append after it.</summary>
    public long Sequence { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The account that acted (for a failed sign-in, the account the e-mail names); null when there is none.</summary>
    public string? UserId { get; private set; }

    /// <summary>The acting account's role (for a failed sign-in, the role of the account tried), <see cref="SystemRole"/> for
    /// a job or command; null for nobody signed in (a sign-in with an unknown e-mail, a throttled request).</summary>
    public string? Role { get; private set; }
    public Guid? HubId { get; private set; }
    public AuditAction Action { get; private set; }
    public string? ObjectId { get; private set; }
    public AuditOutcome Outcome { get; private set; }
    public string? RemoteAddress { get; private set; }

    /// <summary>
    /// What changed, for actions whose object alone does not say (<see cref="AuditAction.HubSettingsChanged"/>: each
    /// setting with its old and new value); never a name, e-mail, answer or score. Null for every other action.
    /// </summary>
    public string? Detail { get; private set; }

    /// <summary>
    /// <see cref="AuditChain.HashOf"/> the entry before this one (lowercase hex SHA-256), or
    /// <see cref="AuditChain.Genesis"/> for the first entry; empty until appended.
    /// </summary>
    public string PreviousHash { get; private set; } = string.Empty;

    /// <summary>Places the entry after <paramref name="last"/>, the log's last entry (null when the log is empty).</summary>
    /// <exception cref="InvalidOperationException">The entry is already in the log.</exception>
    public void Append(AuditEntry? last)
    {
        if (Sequence != 0)
        {
            throw new InvalidOperationException("An audit entry is appended once.");
        }

        Sequence = (last?.Sequence ?? 0) + 1;
        PreviousHash = last is null ? AuditChain.Genesis : AuditChain.HashOf(last);
    }
}
