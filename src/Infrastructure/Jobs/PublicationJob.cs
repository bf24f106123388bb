using Hangfire;
using Microsoft.Extensions.Logging;
using Wellbeing.Application.Professionals.Commands.PublishAllianceScores;
using Wellbeing.Application.Statistics.Commands.PublishClosedPeriods;

namespace Wellbeing.Infrastructure.Jobs;

/// <summary>
/// The hourly publication of every hub's closed reporting periods and every professional's closed alliance months,
/// also queued by an administrator. Its log names hubs, professionals and periods and what happened to them, never a
/// client, a member or a figure.
/// </summary>
public sealed partial class PublicationJob(PublishClosedPeriodsHandler periods, PublishAllianceScoresHandler allianceScores, ILogger<PublicationJob> logger)
{
    public const string RecurringJobId = "period-publication";

    /// <summary>Runs one at a time; a second server's run waits and then finds the periods published.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 15 * 60)]
    [AutomaticRetry(Attempts = 2)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // A failure is logged by Hangfire's retry filter (a Warning per retry, an Error when the retries are spent), with
        // the job's name and exception: between a "started" line and no run summary, that is the failed run.
        LogStarted();
        var outcomes = await periods.Handle(new PublishClosedPeriodsCommand(), cancellationToken);
        foreach (var outcome in outcomes)
        {
            LogOutcome(outcome.HubId, outcome.Period, outcome.Result);
        }

        LogRun(outcomes.Count(o => o.Result == PublicationResult.Published), outcomes.Count(o => o.Result != PublicationResult.Published));

        var months = await allianceScores.Handle(new PublishAllianceScoresCommand(), cancellationToken);
        foreach (var month in months)
        {
            LogAllianceOutcome(month.ProfessionalId, month.Month, month.Result);
        }

        LogAllianceRun(months.Count(o => o.Result == AllianceScoreResult.Published), months.Count(o => o.Result != AllianceScoreResult.Published));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Publication run started")]
    private partial void LogStarted();

    [LoggerMessage(Level = LogLevel.Information, Message = "Reporting period {Period} of hub {HubId}: {Result}")]
    private partial void LogOutcome(Guid hubId, string period, PublicationResult result);

    [LoggerMessage(Level = LogLevel.Information, Message = "Publication run: {Published} period blocks published, {Skipped} skipped")]
    private partial void LogRun(int published, int skipped);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alliance month {Month} of professional {ProfessionalId}: {Result}")]
    private partial void LogAllianceOutcome(Guid professionalId, string month, AllianceScoreResult result);

    [LoggerMessage(Level = LogLevel.Information, Message = "Publication run: {Published} alliance months published, {Skipped} skipped")]
    private partial void LogAllianceRun(int published, int skipped);
}
