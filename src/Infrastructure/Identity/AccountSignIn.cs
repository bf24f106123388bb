using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Wellbeing.Application.Accounts;
using Wellbeing.Application.Auditing;
using Wellbeing.Domain.Auditing;
using Wellbeing.Infrastructure.Persistence;

namespace Wellbeing.Infrastructure.Identity;

/// <summary>Password sign-in over ASP.NET Core Identity with server-side sessions (docs/decisions/0007).</summary>
public sealed class AccountSignIn(
    SignInManager<ApplicationUser> signIn,
    UserManager<ApplicationUser> users,
    IPasswordHasher<ApplicationUser> hasher,
    WellbeingDbContext db,
    SessionMemory memory,
    IAuditLog audit,
    TimeProvider clock) : IAccountSignIn
{
    /// <summary>The claim in the sign-in cookie that names its <see cref="SignInSession"/>.</summary>
    public const string SessionClaim = "wellbeing:session";

    /// <summary>
    /// How long a session lasts at most, however active: the sign-in cookie's own lifetime, so that a cookie renewed
    /// by activity and its session row end together.
    /// </summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromDays(14);

    /// <summary>
    /// A hash of a random password made by the same hasher as real accounts, so checking a password against it costs
    /// what checking a real account's does. Computed once per process: the hasher's settings do not change while it runs.
    /// </summary>
    private static string? s_unknownAccountHash;

    private static readonly ApplicationUser UnknownAccount = new();

    public async Task<bool> SignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            s_unknownAccountHash ??= hasher.HashPassword(UnknownAccount, Convert.ToBase64String(Guid.NewGuid().ToByteArray()));
            hasher.VerifyHashedPassword(UnknownAccount, s_unknownAccountHash, password);
            await RecordFailureAsync(accountId: null, role: null, cancellationToken);
            return false;
        }

        // No lockout on failure: a stranger who knows an e-mail could otherwise lock its owner out; the web host
        // throttles attempts per client instead.
        var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false);
        if (!check.Succeeded)
        {
            await RecordFailureAsync(user.Id, (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).FirstOrDefault(), cancellationToken);
            return false;
        }

        await OpenSessionAsync(user, cancellationToken);
        return true;
    }

    public async Task SignOutAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (SessionOf(user) is { } session)
        {
            await db.SignInSessions.Where(s => s.Id == session.Id && s.UserId == session.UserId).ExecuteDeleteAsync(cancellationToken);
            memory.SessionEnded(session.Id);
        }

        await signIn.SignOutAsync();
    }

    public async Task<PasswordChange> ChangePasswordAsync(
        ClaimsPrincipal user, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        var account = await users.GetUserAsync(user) ?? throw new InvalidOperationException("The signed-in account no longer exists.");
        var result = await users.ChangePasswordAsync(account, currentPassword, newPassword);
        if (!result.Succeeded)
        {
            return new PasswordChange([.. result.Errors.Select(e => (
                e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? PasswordField.Current : PasswordField.New,
                e.Description))]);
        }

        // Whoever else holds a cookie of this account, perhaps the reason for the change, is signed out; so is the
        // cookie this request came with, which is replaced by a fresh one.
        await db.SignInSessions.Where(s => s.UserId == account.Id).ExecuteDeleteAsync(cancellationToken);
        memory.AccountSessionsEnded(account.Id);
        await OpenSessionAsync(account, cancellationToken);
        return PasswordChange.Done;
    }

    /// <summary>The account the e-mail names and its role, or nobody: the e-mail itself is never written to the log.</summary>
    private Task<int> RecordFailureAsync(string? accountId, string? role, CancellationToken cancellationToken)
    {
        audit.Record(AuditAction.SignInFailed, hubId: null, objectId: null, AuditOutcome.Refused, accountId, role);
        return db.SaveChangesAsync(cancellationToken);
    }

    private async Task OpenSessionAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();

        // Sessions nobody signed out of would otherwise pile up; an account's own sign-in is a cheap moment to drop them.
        await db.SignInSessions.Where(s => s.UserId == user.Id && s.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        var session = new SignInSession { Id = Guid.NewGuid(), UserId = user.Id, CreatedAt = now, ExpiresAt = now + SessionLifetime };
        db.SignInSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(SessionClaim, session.Id.ToString())]);
    }

    /// <summary>The session the cookie's principal names, with the account it was opened for; null when it names none.</summary>
    internal static (Guid Id, string UserId)? SessionOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(SessionClaim), out var id) && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
            ? (id, userId)
            : null;
}
