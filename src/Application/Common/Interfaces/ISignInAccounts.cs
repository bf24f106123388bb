namespace Wellbeing.Application.Common.Interfaces;

/// <summary>The sign-in accounts behind members, for what the domain cannot do itself: removing one.</summary>
public interface ISignInAccounts
{
    /// <summary>Marks the account for removal; it goes in the same unit of work as the member's data.</summary>
    Task RemoveAsync(string userId, CancellationToken cancellationToken);
}
