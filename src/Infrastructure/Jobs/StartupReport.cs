using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wellbeing.Infrastructure.Messaging;
using Wellbeing.Infrastructure.Persistence;

namespace Wellbeing.Infrastructure.Jobs;

/// <summary>
/// Writes one Information line as the host starts: which database provider serves the data and where the background
/// jobs are queued (in memory on the embedded SQLite setup, where a restart loses the queue; else beside the data).
/// Only the provider's name and the storage's type name: a connection string may hold a password. A second line says
/// where e-mail goes: the SMTP server's host and port, or the pickup folder's full path, so a newcomer can open it.
/// </summary>
internal sealed partial class StartupReport(DatabaseSettings database, JobStorage jobStorage, EmailSettings email, PickupFolder pickupFolder, ILogger<StartupReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogStarted(database.Provider.ToString(), jobStorage.GetType().Name);
        if (email.Smtp is { } smtp)
        {
            LogSmtp(smtp.Host, smtp.Port, smtp.Security);
        }
        else
        {
            LogPickupFolder(pickupFolder.Path);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Serving with database provider {Provider}; background jobs on {JobStorage}")]
    private partial void LogStarted(string provider, string jobStorage);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "E-mail is sent through the SMTP server {Host}:{Port} ({Security})")]
    private partial void LogSmtp(string host, int port, SmtpSecurity security);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "No SMTP server configured (Email:Smtp:Host): e-mail is written as .eml files to the pickup folder {PickupFolder}")]
    private partial void LogPickupFolder(string pickupFolder);
}
