using Hangfire;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;

namespace Wellbeing.Infrastructure.Jobs;

/// <summary>
/// Removes partner tokens and authorizations that are no longer valid (expired or revoked) and were created before the
/// grace period: OpenIddict prunes by creation time, so a token refused recently is still there to trace a refused call.
/// </summary>
public sealed partial class TokenPruningJob(
    IOpenIddictTokenManager tokens, IOpenIddictAuthorizationManager authorizations, TimeProvider clock, ILogger<TokenPruningJob> logger)
{
    public const string RecurringJobId = "oauth-token-pruning";

    public static readonly TimeSpan GracePeriod = TimeSpan.FromDays(14);

    [DisableConcurrentExecution(timeoutInSeconds: 15 * 60)]
    [AutomaticRetry(Attempts = 2)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var threshold = clock.GetUtcNow() - GracePeriod;
        var prunedTokens = await tokens.PruneAsync(threshold, cancellationToken);
        var prunedAuthorizations = await authorizations.PruneAsync(threshold, cancellationToken);
        LogPruned(prunedTokens, prunedAuthorizations);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Token pruning: {Tokens} partner tokens and {Authorizations} authorizations removed")]
    private partial void LogPruned(long tokens, long authorizations);
}
