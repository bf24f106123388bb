using Hangfire;
using OpenIddict.Abstractions;

namespace Wellbeing.Infrastructure.Jobs;

/// <summary>
/// Removes partner tokens and authorizations that expired or were revoked some time ago. The grace period keeps recent
/// ones for a while, so a refused call can still be traced to a revoked token rather than to an unknown one.
/// </summary>
public sealed class TokenPruningJob(IOpenIddictTokenManager tokens, IOpenIddictAuthorizationManager authorizations, TimeProvider clock)
{
    public const string RecurringJobId = "oauth-token-pruning";

    public static readonly TimeSpan GracePeriod = TimeSpan.FromDays(14);

    [DisableConcurrentExecution(timeoutInSeconds: 15 * 60)]
    [AutomaticRetry(Attempts = 2)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var threshold = clock.GetUtcNow() - GracePeriod;
        await tokens.PruneAsync(threshold, cancellationToken);
        await authorizations.PruneAsync(threshold, cancellationToken);
    }
}
