using Hangfire;
using Wellbeing.Application.Aggregates.Commands.RequestAggregateRefresh;

namespace Wellbeing.Infrastructure.Jobs;

internal sealed class HangfireBackgroundJobs(IBackgroundJobClient client) : IBackgroundJobs
{
    public string EnqueueAggregateRefresh() => client.Enqueue<AggregateRefreshJob>(job => job.RunAsync(CancellationToken.None));
}
