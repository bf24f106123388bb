using Hangfire;
using Wellbeing.Application.Administration.MemberImports;

namespace Wellbeing.Infrastructure.Jobs;

/// <summary>Writes one confirmed member import (<see cref="RunMemberImportHandler"/>); the file is read from the database, so any node may run it.</summary>
public sealed class MemberImportJob(RunMemberImportHandler handler)
{
    /// <summary>
    /// One run per import at a time (a retry never overlaps a run still going); a failed run is retried and resumes after
    /// the rows it saved.
    /// </summary>
    [DisableConcurrentExecution(timeoutInSeconds: 10 * 60)]
    [AutomaticRetry(Attempts = 3)]
    public Task RunAsync(Guid importId, CancellationToken cancellationToken) =>
        handler.Handle(new RunMemberImportCommand(importId), cancellationToken);
}

internal sealed class HangfireMemberImportJobs(IBackgroundJobClient client) : IMemberImportJobs
{
    public string Enqueue(Guid importId) => client.Enqueue<MemberImportJob>(job => job.RunAsync(importId, CancellationToken.None));
}
