using Microsoft.Extensions.Caching.Memory;

namespace Wellbeing.Infrastructure.Identity;

/// <summary>
/// This node's short memory of the sign-in sessions it found open, so that a signed-in request does not read its
/// session row every time (docs/decisions/0007). One per process.
/// <list type="bullet">
/// <item>A yes is trusted for <see cref="SignInSession.Recheck"/> from the moment the read that gave it began, and never
/// past the session's own end.</item>
/// <item>A session ended on this node (sign-out), or every session of an account (password change, account deletion),
/// is remembered as ended for longer than any yes read before it can be trusted, so the end takes effect here at once,
/// even when a read that began before it finishes after it. Other nodes learn it from the database within
/// <see cref="SignInSession.Recheck"/>.</item>
/// </list>
/// Which came first, a read or an end, is told by a counter rather than the clock, whose ticks can be equal. Time limits
/// are on the app's clock; the cache's own expiry, on the system clock, only frees the memory.
/// </summary>
public sealed class SessionMemory(IMemoryCache cache, TimeProvider clock)
{
    /// <summary>How long the cache keeps an entry: past every decision that could still need it.</summary>
    private static readonly TimeSpan Kept = SignInSession.Recheck * 2;

    private long _events;

    /// <summary>Taken as a read of a session row begins; a yes it gives is dated from here.</summary>
    public Read BeginRead() => new(Interlocked.Increment(ref _events), clock.GetUtcNow());

    /// <summary>True when this node may answer "open" without the database; false means ask it.</summary>
    public bool KnownOpen(Guid sessionId, string userId)
    {
        if (!cache.TryGetValue(new OpenKey(sessionId), out Confirmation? confirmation) || confirmation is null || confirmation.UserId != userId)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        if (now - confirmation.Read.At >= SignInSession.Recheck || now >= confirmation.ExpiresAt)
        {
            return false;
        }

        // Ended here after the read began: the read may have seen the row just before it was deleted.
        return !cache.TryGetValue(new EndedSessionKey(sessionId), out _)
            && !(cache.TryGetValue(new EndedAccountKey(userId), out long accountEnded) && accountEnded > confirmation.Read.Event);
    }

    /// <summary>The database said, in <paramref name="read"/>, that the session is open until <paramref name="expiresAt"/> (UTC).</summary>
    public void Confirmed(Guid sessionId, string userId, Read read, DateTimeOffset expiresAt) =>
        cache.Set(new OpenKey(sessionId), new Confirmation(userId, read, expiresAt), Kept);

    /// <summary>The session's row has been deleted (signed out on this node). Call it once the delete is done.</summary>
    public void SessionEnded(Guid sessionId)
    {
        cache.Set(new EndedSessionKey(sessionId), true, Kept);
        cache.Remove(new OpenKey(sessionId));
    }

    /// <summary>
    /// Every session row of the account has been deleted on this node. Call it once the delete is done and before any
    /// new session of the account is opened, so that the new one's reads come after it.
    /// </summary>
    public void AccountSessionsEnded(string userId) => cache.Set(new EndedAccountKey(userId), Interlocked.Increment(ref _events), Kept);

    /// <summary>When a read of a session row began: its place among this node's reads and ends, and the app's time.</summary>
    public readonly record struct Read(long Event, DateTimeOffset At);

    private sealed record Confirmation(string UserId, Read Read, DateTimeOffset ExpiresAt);

    // Distinct key types, so these entries never meet another user of the process's shared cache.
    private readonly record struct OpenKey(Guid SessionId);

    private readonly record struct EndedSessionKey(Guid SessionId);

    private readonly record struct EndedAccountKey(string UserId);
}
