using System.Security.Claims;

namespace Wellbeing.Application.Accounts;

/// <summary>
/// Signing people in and out with a password, and changing it. Every successful sign-in opens a server-side session
/// that the sign-in cookie names; signing out or changing the password ends sessions on the server, so a copied cookie
/// stops working at once (docs/decisions/0007).
/// </summary>
public interface IAccountSignIn
{
    /// <summary>
    /// Checks the e-mail and password and, when both are right, opens a session and issues the sign-in cookie.
    /// An unknown e-mail costs one password-hash verification like a known one and gives the same false, so neither
    /// the answer nor its timing tells whether an account exists; no account is ever locked by failures.
    /// </summary>
    Task<bool> SignInAsync(string email, string password, CancellationToken cancellationToken);

    /// <summary>Ends the signed-in person's current session on the server and removes the cookie.</summary>
    Task SignOutAsync(ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>
    /// Changes the password under Identity's password rules. On success every session of the account ends, this one
    /// included, and a fresh session and cookie are issued to the caller: other devices are signed out, this one is not.
    /// </summary>
    Task<PasswordChange> ChangePasswordAsync(ClaimsPrincipal user, string currentPassword, string newPassword, CancellationToken cancellationToken);
}

/// <summary>Answers, for each request carrying a sign-in cookie, whether its session is still open.</summary>
public interface ISignInSessions
{
    /// <summary>
    /// True while the session the principal names is open and belongs to it; false for a missing or ended one. A node may
    /// answer from memory for a short while after it last read the session (30 s): a session ended on this node is
    /// refused at once, one ended on another node within that time (docs/decisions/0007).
    /// </summary>
    Task<bool> IsOpenAsync(ClaimsPrincipal user, CancellationToken cancellationToken);
}

/// <summary>Which field of the change-password form each refusal belongs to.</summary>
public enum PasswordField
{
    Current,
    New,
}

/// <summary>The outcome of a password change: no errors means it is changed.</summary>
public sealed record PasswordChange(IReadOnlyList<(PasswordField Field, string Message)> Errors)
{
    public static readonly PasswordChange Done = new([]);

    public bool Succeeded => Errors.Count == 0;
}
