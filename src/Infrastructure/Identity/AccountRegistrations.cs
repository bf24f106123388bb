using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Wellbeing.Application.Accounts;
using Wellbeing.Infrastructure.Persistence;

namespace Wellbeing.Infrastructure.Identity;

/// <summary>
/// Accounts through Identity's UserManager, so its user and password validators (AddInfrastructure's options) decide
/// what is accepted; the account and its role are saved in one transaction because UserManager saves after each step.
/// </summary>
public sealed class AccountRegistrations(UserManager<ApplicationUser> users, WellbeingDbContext db) : IAccountRegistration
{
    /// <summary>Identity reports a taken address twice (as user name and as e-mail) and names it; one sentence is clearer.</summary>
    public const string AddressInUse = "An account with this e-mail address already exists.";

    public Task<AccountRegistration> RegisterAsync(string email, string password, string role, CancellationToken cancellationToken) =>
        RegisterAsync(new NewAccount(email, password, role, string.Empty, HrHubId: null), (_, _) => Task.CompletedTask, cancellationToken);

    public async Task<AccountRegistration> RegisterAsync(NewAccount account, Func<string, CancellationToken, Task> claim, CancellationToken cancellationToken)
    {
        var user = new ApplicationUser
        {
            UserName = account.Email,
            Email = account.Email,
            EmailConfirmed = true,
            DisplayName = account.DisplayName,
            HrHubId = account.HrHubId,
        };

        // On SQLite this begins IMMEDIATE, taking the write lock at once; elsewhere the claim's conditional update locks
        // its row. Either way a concurrent registration for the same claim waits here, then finds it taken.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await claim(user.Id, cancellationToken);
        var created = await users.CreateAsync(user, account.Password);
        if (!created.Succeeded)
        {
            return new AccountRegistration([.. created.Errors.Select(Sentence).Distinct()]);
        }

        var inRole = await users.AddToRoleAsync(user, account.Role);
        if (!inRole.Succeeded)
        {
            // Only a missing role gets here, which start-up creates: a fault, not something the operator can correct.
            throw new InvalidOperationException($"Could not give the new account the role {account.Role}: {string.Join(" ", inRole.Errors.Select(e => e.Code))}");
        }

        await transaction.CommitAsync(cancellationToken);
        return AccountRegistration.Done;
    }

    public async Task<IReadOnlySet<string>> AddressesInUseAsync(IReadOnlyCollection<string> emails, CancellationToken cancellationToken)
    {
        var byNormalised = emails.Distinct().ToLookup(users.NormalizeEmail);
        var keys = byNormalised.Select(g => g.Key).ToList();
        var taken = await db.Users.Where(u => u.NormalizedEmail != null && keys.Contains(u.NormalizedEmail)).Select(u => u.NormalizedEmail!).ToListAsync(cancellationToken);
        return taken.SelectMany(key => byNormalised[key]).ToHashSet();
    }

    private static string Sentence(IdentityError error) =>
        error.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)
            ? AddressInUse
            : error.Description;
}
