using Wellbeing.Infrastructure;

namespace Wellbeing.Web;

/// <summary>
/// <c>dotnet Wellbeing.Web.dll migrate</c> (from the sources: <c>dotnet run --project src/Web -- migrate</c>): the
/// deployment step that applies pending migrations and creates missing roles on the configured database, then exits
/// without serving. Exit code 0 when the database is up to date, 1 when it could not be brought there (the log says why).
/// </summary>
public static partial class MigrateCommand
{
    public const string Verb = "migrate";

    public static async Task<int> RunAsync(IServiceProvider services)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MigrateCommand).FullName!);
        try
        {
            await services.MigrateDatabaseAsync();
            LogDone(logger);
            return 0;
        }
        catch (Exception failure)
        {
            // The process boundary: whatever went wrong, the deployment sees a non-zero exit code and the reason.
            LogFailed(logger, failure);
            return 1;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The database is up to date")]
    private static partial void LogDone(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Migrating the database failed")]
    private static partial void LogFailed(ILogger logger, Exception failure);
}
