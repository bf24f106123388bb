using Wellbeing.Infrastructure;

namespace Wellbeing.Web;

/// <summary>
/// <c>dotnet Wellbeing.Web.dll migrate</c> (from the sources: <c>dotnet run --project src/Web -- migrate</c>): the
/// deployment step that applies pending migrations and creates missing roles on the configured database, creating the
/// database itself when it does not exist yet, then exits without serving. Exit code 0 when the database is up to date,
/// 1 when it could not be brought there, invalid database settings included (a Critical log line says why; for the
/// settings, one line naming each problem, as a node's start does).
/// </summary>
public static partial class MigrateCommand
{
    public const string Verb = "migrate";

    public static bool IsAskedFor(IEnumerable<string> args) => CommandVerbs.IsAskedFor(args, Verb);

    public static async Task<int> RunAsync(WebApplicationBuilder builder)
    {
        using var loggers = CommandVerbs.CommandLogging(builder);
        var logger = loggers.CreateLogger(typeof(MigrateCommand).FullName!);
        try
        {
            CommandVerbs.AddDatabaseServices(builder);
        }
        catch (InvalidSettingsException refused)
        {
            // A settings mistake is the operator's to fix: its reasons, not a stack trace.
            return StartupRefusal.Exit(loggers, refused);
        }

        try
        {
            await using var app = builder.Build();
            await app.Services.MigrateDatabaseAsync();
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
