using Hangfire;
using Microsoft.Extensions.Logging;
using Wellbeing.Application.Statistics.Commands.PublishClosedPeriods;

namespace Wellbeing.Infrastructure.Jobs;

/// <summary>
/// The hourly publication of every hub's closed reporting periods, also queued by an administrator. Its log names
/// hubs and periods and what happened to them, never a person or a figure.
/// </summary>
public sealed partial class PublicationJob(PublishClosedPeriodsHandler periods, ILogger<PublicationJob> logger)
{
    public const string RecurringJobId = "period-publication";

    /// <summary>Runs one at a time; a second server's run waits and then finds the periods published.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 15 * 60)]
    [AutomaticRetry(Attempts = 2)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var outcomes = await periods.Handle(new PublishClosedPeriodsCommand(), cancellationToken);
        foreach (var outcome in outcomes)
        {
            LogOutcome(outcome.HubId, outcome.Period, outcome.Result);
        }

        LogRun(outcomes.Count(o => o.Result == PublicationResult.Published), outcomes.Count(o => o.Result != PublicationResult.Published));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reporting period {Period} of hub {HubId}: {Result}")]
    private partial void LogOutcome(Guid hubId, string period, PublicationResult result);

    [LoggerMessage(Level = LogLevel.Information, Message = "Publication run: {Published} period blocks published, {Skipped} skipped")]
    private partial void LogRun(int published, int skipped);
}
