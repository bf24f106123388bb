using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wellbeing.Application.Administration.MemberImports;

namespace Wellbeing.Infrastructure.Jobs;

/// <summary>
/// Queues again, as the node starts, every member import left "Importing" (<see cref="ResumeMemberImportsHandler"/>):
/// on the embedded setup the restart lost the in-memory queue, and elsewhere a node may have stopped between the
/// confirmation and its job. Runs after the database is migrated (Program starts the hosts afterwards), on every storage.
/// </summary>
internal sealed partial class MemberImportResumption(IServiceScopeFactory scopes, ILogger<MemberImportResumption> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var queued = await scope.ServiceProvider.GetRequiredService<ResumeMemberImportsHandler>().Handle(cancellationToken);
        if (queued > 0)
        {
            LogQueuedAgain(queued);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "Queued {Count} unfinished member imports again")]
    private partial void LogQueuedAgain(int count);
}
