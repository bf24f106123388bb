using System.Diagnostics;
using System.Text;
using Wellbeing.Infrastructure.Persistence.Providers;
using Wellbeing.Testing;

namespace Wellbeing.Web.FunctionalTests.Support;

/// <summary>The published app beside the tests (Wellbeing.Web.dll) as its own process, run by the dotnet host that runs the tests.</summary>
public static class PublishedApp
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    /// <summary>
    /// The app on the given database in the Testing environment (throwaway token keys and plain http, as in the
    /// in-process tests), without demo data; <paramref name="environment"/> replaces or (null) removes variables.
    /// </summary>
    public static ProcessStartInfo Process(
        DatabaseProvider provider, string connectionString, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Wellbeing.Web.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = WellbeingAppFactory.EnvironmentName;
        start.Environment["AllowedHosts"] = "127.0.0.1";
        start.Environment["Database__Provider"] = provider.ToString();
        start.Environment["ConnectionStrings__Wellbeing"] = connectionString;
        start.Environment["DemoData__Enabled"] = "false";
        start.Environment["Email__PublicBaseUrl"] = "http://127.0.0.1/";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        return start;
    }

    /// <summary>Starts the process, collecting standard output and error together; standard input is closed at once.</summary>
    public static (Process Process, StringBuilder Output) Start(ProcessStartInfo start, string? input = null)
    {
        var output = new StringBuilder();
        var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        DataReceivedEventHandler collect = (_, line) =>
        {
            lock (output)
            {
                output.AppendLine(line.Data);
            }
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (input is not null)
        {
            process.StandardInput.Write(input);
        }

        process.StandardInput.Close();
        return (process, output);
    }

    /// <summary>Runs the process to its end with <paramref name="input"/> on standard input.</summary>
    public static async Task<(int ExitCode, string Output)> RunToEndAsync(ProcessStartInfo start, string? input = null)
    {
        var (process, output) = Start(start, input);
        using (process)
        {
            using var timeout = new CancellationTokenSource(StartTimeout);
            await process.WaitForExitAsync(timeout.Token);

            // WaitForExit without a timeout waits for the redirected streams to be read to their end.
            await process.WaitForExitAsync(CancellationToken.None);
            lock (output)
            {
                return (process.ExitCode, output.ToString());
            }
        }
    }
}
