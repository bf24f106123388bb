using Wellbeing.Infrastructure;
using Wellbeing.Infrastructure.Persistence;

namespace Wellbeing.Web;

/// <summary>The verbs that make the app run one command and exit instead of serving (migrate, create-admin, verify-audit).</summary>
public static class CommandVerbs
{
    /// <summary>
    /// The verb may stand anywhere among the arguments, in any case: a deployment script that puts its settings first,
    /// or writes "Migrate", must not start a web node that never exits instead.
    /// </summary>
    public static bool IsAskedFor(IEnumerable<string> args, string verb) => args.Any(a => a.Equals(verb, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A command's own console logging, made before the settings are read, so that a refusal of the settings is logged
    /// and exits non-zero too.
    /// </summary>
    public static ILoggerFactory CommandLogging(WebApplicationBuilder builder) =>
        LoggerFactory.Create(logging => logging.AddConfiguration(builder.Configuration.GetSection("Logging")).AddConsole());

    /// <summary>
    /// Registers what a command needs of the database: Infrastructure's services only, since a command runs no web
    /// request and needs no web settings (certificates, hosts), and the graph it builds is complete, so Development's
    /// validation passes. The database settings are checked as a node's start checks them.
    /// </summary>
    /// <exception cref="InvalidSettingsException">A database setting is missing or invalid (an unknown provider, a server
    /// provider without a connection string); the exception names each problem, for <see cref="StartupRefusal.Exit(ILoggerFactory, InvalidSettingsException)"/>.</exception>
    public static void AddDatabaseServices(WebApplicationBuilder builder)
    {
        var settings = new StartupSettings();
        settings.Check(() => DatabaseSettings.RequireExplicitOutsideDevelopment(builder.Configuration, builder.Environment));
        settings.Check(() => builder.Services.AddInfrastructure(builder.Configuration));
        settings.ThrowIfAny();
    }
}
