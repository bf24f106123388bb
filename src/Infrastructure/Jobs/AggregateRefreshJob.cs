using Hangfire;
using Wellbeing.Application.Aggregates.Commands.RefreshAggregates;

namespace Wellbeing.Infrastructure.Jobs;

/// <summary>The hourly refresh of every hub's statistics, also queued by an administrator.</summary>
public sealed class AggregateRefreshJob(RefreshAggregatesHandler refresh)
{
    public const string RecurringJobId = "aggregate-refresh";

    /// <summary>Two overlapping runs could both see "k new people" and publish twice; the lock makes the second wait.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 15 * 60)]
    [AutomaticRetry(Attempts = 2)]
    public Task RunAsync(CancellationToken cancellationToken) => refresh.Handle(new RefreshAggregatesCommand(), cancellationToken);
}
