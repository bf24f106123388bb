using Hangfire;
using Wellbeing.Application.Statistics.Commands.RequestPublication;

namespace Wellbeing.Infrastructure.Jobs;

internal sealed class HangfireBackgroundJobs(IBackgroundJobClient client) : IBackgroundJobs
{
    public string EnqueuePublication() => client.Enqueue<PublicationJob>(job => job.RunAsync(CancellationToken.None));
}
