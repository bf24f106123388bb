namespace Wellbeing.Application.Aggregates.Commands.RequestAggregateRefresh;

/// <summary>An administrator asks for the statistics to be refreshed now rather than at the next hourly run.</summary>
public sealed record RequestAggregateRefreshCommand;

/// <summary>Queues work to run outside the request.</summary>
public interface IBackgroundJobs
{
    /// <returns>The queued job's id.</returns>
    string EnqueueAggregateRefresh();
}

public sealed class RequestAggregateRefreshHandler(IBackgroundJobs jobs)
{
    public string Handle(RequestAggregateRefreshCommand command) => jobs.EnqueueAggregateRefresh();
}
