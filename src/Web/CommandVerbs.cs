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
}
