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

    public async Task<AccountRegistration> RegisterAsync(string email, string password, string role, CancellationToken cancellationToken)
    {
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new AccountRegistration([.. created.Errors.Select(Sentence).Distinct()]);
        }

        var inRole = await users.AddToRoleAsync(user, role);
        if (!inRole.Succeeded)
        {
            // Only a missing role gets here, which start-up creates: a fault, not something the operator can correct.
            throw new InvalidOperationException($"Could not give the new account the role {role}: {string.Join(" ", inRole.Errors.Select(e => e.Code))}");
        }

        await transaction.CommitAsync(cancellationToken);
        return AccountRegistration.Done;
    }

    private static string Sentence(IdentityError error) =>
        error.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)
            ? AddressInUse
            : error.Description;
}
