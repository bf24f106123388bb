using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wellbeing.Infrastructure.Persistence;

namespace Wellbeing.Infrastructure.Jobs;

/// <summary>
/// Writes one Information line as the host starts: which database provider serves the data and where the background
/// jobs are queued (in memory on the embedded SQLite setup, where a restart loses the queue; else beside the data).
/// Only the provider's name and the storage's type name: a connection string may hold a password.
/// </summary>
internal sealed partial class StartupReport(DatabaseSettings database, JobStorage jobStorage, ILogger<StartupReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogStarted(database.Provider.ToString(), jobStorage.GetType().Name);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Serving with database provider {Provider}; background jobs on {JobStorage}")]
    private partial void LogStarted(string provider, string jobStorage);
}
