using Hangfire;
using Microsoft.Extensions.Logging;
using Wellbeing.Application.Messaging.Commands.RecordWellbeingReminders;

namespace Wellbeing.Infrastructure.Jobs;

/// <summary>
/// Records the Wellbeing Index reminders of every member who fell due since the last run (the outbox job sends them).
/// Recurring on <see cref="CronSetting"/> (UTC) and once at start-up (<see cref="RunAtStartupSetting"/>), so a node that
/// was down, or the demo's first start, catches up at once. Its
/// log names hubs and counts, never a member.
/// </summary>
public sealed partial class WellbeingReminderJob(RecordWellbeingRemindersHandler handler, ILogger<WellbeingReminderJob> logger)
{
    public const string RecurringJobId = "wellbeing-reminders";

    /// <summary>A cron expression in UTC; hourly by default, so a reminder goes within the hour its index falls due.</summary>
    public const string CronSetting = "Jobs:WellbeingReminders:Cron";

    /// <summary>True by default; the tests turn it off, since they run the job themselves when their clock says so.</summary>
    public const string RunAtStartupSetting = "Jobs:WellbeingReminders:RunAtStartup";

    /// <summary>Runs one at a time per job storage; a concurrent run on another storage is harmless (keys are unique).</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 15 * 60)]
    [AutomaticRetry(Attempts = 2)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var hub in await handler.Handle(new RecordWellbeingRemindersCommand(), cancellationToken))
        {
            LogHub(hub.HubId, hub.DueMembers, hub.Recorded);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Wellbeing reminders of hub {HubId}: {Due} members due, {Recorded} messages recorded")]
    private partial void LogHub(Guid hubId, int due, int recorded);
}
