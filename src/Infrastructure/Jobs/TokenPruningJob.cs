using Hangfire;
using OpenIddict.Abstractions;

namespace Wellbeing.Infrastructure.Jobs;

/// <summary>
/// Removes partner tokens and authorizations that are no longer valid (expired or revoked) and were created before the
/// grace period: OpenIddict prunes by creation time, so a token refused recently is still there to trace a refused call.
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
