using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Wellbeing.Infrastructure.Surveys;

/// <summary>
/// Reloads the imported instrument definitions on every node at a fixed interval, so that a version imported on one
/// node reaches the others within <see cref="Interval"/>. Meanwhile a form drawn on a node that already has the new
/// version and posted to one that has not is refused with "open the form again" (Survey.EnsureIsTheFormOf), never
/// scored against the wrong questions.
/// </summary>
internal sealed partial class SurveyCatalogueRefresh(SurveyCatalogue catalogue, TimeSpan interval, TimeProvider clock, ILogger<SurveyCatalogueRefresh> logger)
    : BackgroundService
{
    /// <summary>Seconds between reloads, 30 by default.</summary>
    public const string RefreshSecondsSetting = "Instruments:RefreshSeconds";

    public TimeSpan Interval => interval;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await catalogue.ReloadAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The node keeps serving what it loaded before; the next tick tries again.
                LogReloadFailed(e);
            }
        }
    }

    [LoggerMessage(EventId = 1100, Level = LogLevel.Error, Message = "The imported instrument definitions could not be reloaded; this node keeps the ones it has")]
    private partial void LogReloadFailed(Exception exception);
}
