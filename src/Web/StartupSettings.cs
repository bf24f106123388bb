using System.Reflection;
using System.Security.Cryptography;

namespace Wellbeing.Web;

/// <summary>
/// Runs each part of the app's registration that reads settings and collects what each refuses, rather than stopping
/// at the first: an operator fixing a deployment then sees every problem in one start, not one per restart. Within one
/// part the first problem still hides the later ones of that part.
/// </summary>
public sealed class StartupSettings
{
    private readonly List<string> _problems = [];

    /// <summary>Runs <paramref name="register"/>, keeping the reason if it refuses the settings.</summary>
    public void Check(Action register)
    {
        try
        {
            register();
        }
        catch (Exception refused) when (refused is InvalidOperationException or CryptographicException or IOException)
        {
            // A settings reader names the setting in its message (InvalidOperationException); a certificate that cannot be
            // read or found is reported by the framework (CryptographicException, FileNotFoundException).
            if (!_problems.Contains(refused.Message))
            {
                _problems.Add(refused.Message);
            }
        }
    }

    /// <exception cref="InvalidSettingsException">At least one part refused; the exception carries every reason.</exception>
    public void ThrowIfAny()
    {
        if (_problems.Count > 0)
        {
            throw new InvalidSettingsException(_problems);
        }
    }
}

/// <summary>The settings the app was started with cannot work; <see cref="Problems"/> says why, one reason per entry.</summary>
public sealed class InvalidSettingsException(IReadOnlyList<string> problems)
    : InvalidOperationException("The app cannot start with these settings: " + string.Join(" ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>How the process (a node or a command) ends when the settings are refused: one Critical log line naming every problem, exit code 1.</summary>
public static partial class StartupRefusal
{
    /// <summary>
    /// Whether this app is the process (<c>dotnet Wellbeing.Web.dll</c>): only then is a refusal logged and turned into
    /// an exit code. When something else runs the entry point (the tests' WebApplicationFactory, the EF tools) the
    /// exception is theirs to report.
    /// </summary>
    public static bool IsTheProcess => Assembly.GetEntryAssembly() == typeof(StartupRefusal).Assembly;

    /// <returns>1, the process's exit code.</returns>
    public static int Exit(WebApplicationBuilder builder, InvalidSettingsException refused)
    {
        // The commands' console logging: the app's own is part of the services that could not be built.
        using var loggers = CommandVerbs.CommandLogging(builder);
        return Exit(loggers, refused);
    }

    /// <summary>The same for a command, through the console logging it already made (<see cref="CommandVerbs.CommandLogging"/>).</summary>
    /// <returns>1, the process's exit code.</returns>
    public static int Exit(ILoggerFactory loggers, InvalidSettingsException refused)
    {
        var problems = string.Concat(refused.Problems.Select(p => Environment.NewLine + "  - " + p));
        LogRefused(loggers.CreateLogger(typeof(StartupRefusal).FullName!), refused.Problems.Count, problems);
        return 1;
    }

    // No exception argument: the reasons are the message, and a stack trace would only bury them.
    [LoggerMessage(Level = LogLevel.Critical, Message = "The app cannot start: {Count} setting problem(s) to fix before starting again:{Problems}")]
    private static partial void LogRefused(ILogger logger, int count, string problems);
}
