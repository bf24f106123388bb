using Wellbeing.Application.Auditing;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Domain.Auditing;

namespace Wellbeing.Application.Statistics.Commands.RequestPublication;

/// <summary>
/// An administrator asks for closed periods to be published now rather than at the next hourly run (after a hub
/// was set up, say). It publishes nothing that the hourly run would not: only closed, unpublished periods.
/// </summary>
public sealed record RequestPublicationCommand;

/// <summary>Queues work to run outside the request.</summary>
public interface IBackgroundJobs
{
    /// <returns>The queued job's id.</returns>
    string EnqueuePublication();
}

/// <summary>Queues the job, then records the request with the job's id (the queue is not in the application's transaction).</summary>
public sealed class RequestPublicationHandler(IBackgroundJobs jobs, IAuditLog audit, IUnitOfWork unitOfWork)
{
    /// <returns>The queued job's id.</returns>
    public async Task<string> Handle(RequestPublicationCommand command, CancellationToken cancellationToken)
    {
        var job = jobs.EnqueuePublication();
        audit.Record(AuditAction.PublicationRequested, hubId: null, job);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return job;
    }
}
