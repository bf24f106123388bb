namespace Wellbeing.Application.Accounts;

/// <summary>Creating sign-in accounts with a password chosen by their holder.</summary>
public interface IAccountRegistration
{
    /// <summary>
    /// Creates an account for <paramref name="email"/> (also its user name) with <paramref name="password"/> and the
    /// given role, in one transaction: either the account exists with its role afterwards, or nothing changed.
    /// </summary>
    /// <returns>
    /// No errors when created; otherwise why not, each a sentence for the person creating it: an address already in
    /// use, an address that is not one, or each of the password rules the password breaks (Identity's password options).
    /// </returns>
    Task<AccountRegistration> RegisterAsync(string email, string password, string role, CancellationToken cancellationToken);

    /// <summary>
    /// Creates the account as <see cref="RegisterAsync(string, string, string, CancellationToken)"/> does, in one
    /// transaction with what <paramref name="claim"/> saves. <paramref name="claim"/> runs first in that transaction,
    /// given the new account's id: its save (an invitation marked used) is the transaction's first write, so of two
    /// registrations claiming the same thing at once the second waits for the first and then fails there, with a
    /// <see cref="Common.Exceptions.ConflictException"/> from the unit of work, before any account is written.
    /// </summary>
    /// <returns>As <see cref="RegisterAsync(string, string, string, CancellationToken)"/>; with errors, nothing <paramref name="claim"/> saved is kept either.</returns>
    Task<AccountRegistration> RegisterAsync(NewAccount account, Func<string, CancellationToken, Task> claim, CancellationToken cancellationToken);

    /// <summary>Which of <paramref name="emails"/> (compared as Identity normalises them) already sign in to an account.</summary>
    /// <returns>The addresses in use, as given.</returns>
    Task<IReadOnlySet<string>> AddressesInUseAsync(IReadOnlyCollection<string> emails, CancellationToken cancellationToken);
}

/// <param name="Email">Also the account's user name.</param>
/// <param name="Role">A <see cref="Domain.Accounts.Roles"/> name.</param>
/// <param name="DisplayName">Shown in the page header; empty when not known.</param>
/// <param name="HrHubId">The hub an HR manager reports on; null for every other role.</param>
public sealed record NewAccount(string Email, string Password, string Role, string DisplayName, Guid? HrHubId);

/// <summary>The outcome of creating an account: no errors means it exists.</summary>
public sealed record AccountRegistration(IReadOnlyList<string> Errors)
{
    public static readonly AccountRegistration Done = new([]);

    public bool Succeeded => Errors.Count == 0;
}
