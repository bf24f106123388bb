namespace Wellbeing.Infrastructure.Identity;

/// <summary>
/// One open sign-in: the sign-in cookie carries its id, and a cookie whose session row is gone no longer signs anyone
/// in. Signing out deletes the row; changing the password deletes every row of the account; deleting the account
/// deletes them by cascade.
/// </summary>
public sealed class SignInSession
{
    /// <summary>
    /// How long a node trusts having found a session open before it reads the row again (<see cref="SessionMemory"/>):
    /// the longest a session ended on another node still opens pages here. On the node that ends it, it ends at once.
    /// </summary>
    public static readonly TimeSpan Recheck = TimeSpan.FromSeconds(30);

    public required Guid Id { get; init; }

    public required string UserId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Absolute end: a cookie renewed by activity still stops here (<see cref="AccountSignIn.SessionLifetime"/>).</summary>
    public required DateTimeOffset ExpiresAt { get; init; }
}
