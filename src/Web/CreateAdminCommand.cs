using System.Text;
using Wellbeing.Application.Accounts.Commands.CreateAdministrator;
using Wellbeing.Infrastructure;

namespace Wellbeing.Web;

/// <summary>
/// <c>dotnet Wellbeing.Web.dll create-admin --email admin@example.com</c> (from the sources:
/// <c>dotnet run --project src/Web -- create-admin --email …</c>): creates an administrator account on the configured
/// database, the way to the first one on an empty production database, then exits without serving. The password is
/// asked for on the terminal without echo, twice; when standard input is redirected its first line is the password
/// (<c>printf '%s\n' "$PASSWORD" | dotnet Wellbeing.Web.dll create-admin --email …</c>). Exit code 0 when created, 1
/// otherwise: no e-mail given, a password that breaks Identity's rules or two entries that differ, an address already
/// in use, or a database that is not ready (the same start-up checks as a node: see <see cref="Infrastructure.DependencyInjection.InitialiseDatabaseAsync"/>).
/// </summary>
public static partial class CreateAdminCommand
{
    public const string Verb = "create-admin";

    /// <summary>The argument (<c>--email address</c> or <c>--email=address</c>) that names the new administrator's address.</summary>
    public const string EmailSetting = "email";

    public static bool IsAskedFor(IEnumerable<string> args) => CommandVerbs.IsAskedFor(args, Verb);

    public static async Task<int> RunAsync(WebApplicationBuilder builder, string[] args)
    {
        using var loggers = CommandVerbs.CommandLogging(builder);
        var logger = loggers.CreateLogger(typeof(CreateAdminCommand).FullName!);

        // From the arguments only: the host's configuration also reads environment variables, and an EMAIL variable
        // (set on many machines for other tools) must not choose who becomes an administrator.
        var email = new ConfigurationBuilder().AddCommandLine(args).Build()[EmailSetting];
        if (string.IsNullOrWhiteSpace(email))
        {
            await Console.Error.WriteLineAsync($"Name the administrator's e-mail address: {Verb} --{EmailSetting} admin@example.com");
            return 1;
        }

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
            // Infrastructure and this one use case only, as the migrate command: no web settings are needed to create an account.
            builder.Services.AddScoped<CreateAdministratorHandler>();
            await using var app = builder.Build();
            await app.Services.InitialiseDatabaseAsync();

            var password = ReadPassword();
            if (password is null)
            {
                await Console.Error.WriteLineAsync("The two passwords differ; nothing was created.");
                return 1;
            }

            await using var scope = app.Services.CreateAsyncScope();
            var created = await scope.ServiceProvider.GetRequiredService<CreateAdministratorHandler>()
                .Handle(new CreateAdministratorCommand(email, password), CancellationToken.None);
            foreach (var error in created.Errors)
            {
                await Console.Error.WriteLineAsync(error);
            }

            if (!created.Succeeded)
            {
                await Console.Error.WriteLineAsync("No administrator was created.");
                return 1;
            }

            // No address in the log line: it is personal data.
            LogCreated(logger);
            return 0;
        }
        catch (Exception failure)
        {
            // The process boundary: whatever went wrong, the operator sees a non-zero exit code and the reason.
            LogFailed(logger, failure);
            return 1;
        }
    }

    /// <summary>
    /// The first line of redirected input; otherwise asked on the terminal twice without echo.
    /// </summary>
    /// <returns>The password (possibly empty: Identity's rules refuse that), or null when the two entries differ.</returns>
    private static string? ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine() ?? string.Empty;
        }

        var password = Prompt("Password for the new administrator: ");
        return Prompt("The same password again: ") == password ? password : null;
    }

    private static string Prompt(string question)
    {
        Console.Write(question);
        var typed = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                typed.Length = Math.Max(0, typed.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }

        Console.WriteLine();
        return typed.ToString();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "An administrator account was created")]
    private static partial void LogCreated(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Creating the administrator failed")]
    private static partial void LogFailed(ILogger logger, Exception failure);
}
