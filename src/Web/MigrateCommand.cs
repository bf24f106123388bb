using Wellbeing.Infrastructure;

namespace Wellbeing.Web;

/// <summary>
/// <c>dotnet Wellbeing.Web.dll migrate</c> (from the sources: <c>dotnet run --project src/Web -- migrate</c>): the
/// deployment step that applies pending migrations and creates missing roles on the configured database, creating the
/// database itself when it does not exist yet, then exits without serving. Exit code 0 when the database is up to date,
/// 1 when it could not be brought there, invalid database settings included (a Critical log line says why).
/// </summary>
public static partial class MigrateCommand
{
    public const string Verb = "migrate";

    /// <summary>
    /// The verb may stand anywhere among the arguments, in any case: a deployment script that puts its settings first,
    /// or writes "Migrate", must not start a web node that never exits instead.
    /// </summary>
    public static bool IsAskedFor(IEnumerable<string> args) => HasVerb(args, Verb);

    /// <summary>Whether <paramref name="verb"/> stands anywhere among the arguments, in any case (every command's rule).</summary>
    public static bool HasVerb(IEnumerable<string> args, string verb) => args.Any(a => a.Equals(verb, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A command's own console logging, made before the settings are read, so that a refusal of the settings is logged
    /// and exits non-zero too.
    /// </summary>
    public static ILoggerFactory CommandLogging(WebApplicationBuilder builder) =>
        LoggerFactory.Create(logging => logging.AddConfiguration(builder.Configuration.GetSection("Logging")).AddConsole());

    public static async Task<int> RunAsync(WebApplicationBuilder builder)
    {
        using var loggers = CommandLogging(builder);
        var logger = loggers.CreateLogger(typeof(MigrateCommand).FullName!);
        try
        {
            // Only Infrastructure's services: the deployment step runs no use case and needs no web settings
            // (certificates, hosts), and the graph it builds is complete, so Development's validation passes.
            builder.Services.AddInfrastructure(builder.Configuration);
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
