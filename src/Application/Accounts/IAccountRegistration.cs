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
}

/// <summary>The outcome of creating an account: no errors means it exists.</summary>
public sealed record AccountRegistration(IReadOnlyList<string> Errors)
{
    public static readonly AccountRegistration Done = new([]);

    public bool Succeeded => Errors.Count == 0;
}
