using Microsoft.EntityFrameworkCore;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Infrastructure.Persistence;

namespace Wellbeing.Infrastructure.Identity;

/// <summary>
/// Works on the context rather than through UserManager, whose DeleteAsync saves at once: the account must go in the
/// same transaction as the member's data. Roles, claims, logins and tokens follow by cascade.
/// </summary>
internal sealed class SignInAccounts(WellbeingDbContext db, SessionMemory memory) : ISignInAccounts
{
    public async Task RemoveAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is not null)
        {
            db.Users.Remove(user);

            // The account's sign-in sessions go by cascade when the save commits; from then on this node stops
            // trusting any it remembers as open (the save may fail, and then they stay open).
            db.SavedChanges += (_, _) => memory.AccountSessionsEnded(userId);
        }
    }
}
