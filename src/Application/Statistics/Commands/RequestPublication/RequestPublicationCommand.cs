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

public sealed class RequestPublicationHandler(IBackgroundJobs jobs)
{
    public string Handle(RequestPublicationCommand command) => jobs.EnqueuePublication();
}
