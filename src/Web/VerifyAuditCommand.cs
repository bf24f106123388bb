using Wellbeing.Application.Auditing.Queries.VerifyAuditLog;

namespace Wellbeing.Web;

/// <summary>
/// <c>dotnet Wellbeing.Web.dll verify-audit</c> (from the sources: <c>dotnet run --project src/Web -- verify-audit</c>):
/// walks the configured database's audit log and reports on standard output whether its hash chain holds, and if not,
/// the first broken entry. Exit code 0 when the chain holds, 2 when it is broken, 1 when it could not be checked
/// (invalid settings, an unreachable database: a Critical log line says why; for the settings, one line naming each
/// problem, as a node's start does). It changes nothing.
/// </summary>
public static partial class VerifyAuditCommand
{
    public const string Verb = "verify-audit";

    public const int Intact = 0;
    public const int Failed = 1;
    public const int Broken = 2;

    public static bool IsAskedFor(IEnumerable<string> args) => CommandVerbs.IsAskedFor(args, Verb);

    public static async Task<int> RunAsync(WebApplicationBuilder builder, TextWriter output)
    {
        using var loggers = CommandVerbs.CommandLogging(builder);
        var logger = loggers.CreateLogger(typeof(VerifyAuditCommand).FullName!);
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
            // Infrastructure and the one use case: no web settings are needed to read a database.
            builder.Services.AddScoped<VerifyAuditLogHandler>();
            await using var app = builder.Build();
            await using var scope = app.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<VerifyAuditLogHandler>().Handle(new VerifyAuditLogQuery(), CancellationToken.None);
            if (result.Break is { } broken)
            {
                await output.WriteLineAsync($"The audit log is broken. First broken entry: {broken.Sequence}. {broken.Reason}");
                return Broken;
            }

            await output.WriteLineAsync($"The audit log is intact: {result.Entries} entries. Last entry's hash: {result.LastHash}");
            return Intact;
        }
        catch (Exception failure)
        {
            // The process boundary: whatever went wrong, the operator sees a non-zero exit code and the reason.
            LogFailed(logger, failure);
            return Failed;
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Verifying the audit log failed")]
    private static partial void LogFailed(ILogger logger, Exception failure);
}
