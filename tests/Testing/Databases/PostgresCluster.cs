using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Npgsql;
using Xunit;

namespace Wellbeing.Testing.Databases;

/// <summary>
/// A throwaway PostgreSQL cluster in a temporary directory on a free port of 127.0.0.1, so tests need
/// no system service and never touch a developer's own databases.
/// </summary>
public sealed partial class PostgresCluster : IAsyncLifetime
{
    private const string InstallHint = "Install the PostgreSQL server binaries as root: apt-get install -y postgresql";
    private const string Superuser = "postgres";

    private string? _directory;
    private int _port;

    public string Host => "127.0.0.1";

    public int Port => _port != 0 ? _port : throw new InvalidOperationException("The cluster has not been started.");

    /// <summary>Superuser connection to the <c>postgres</c> maintenance database.</summary>
    public string AdminConnectionString => ConnectionStringFor("postgres");

    public async Task InitializeAsync()
    {
        var binDirectory = FindBinDirectory();
        _directory = Directory.CreateTempSubdirectory("wellbeing-pg-").FullName;
        var dataDirectory = Path.Combine(_directory, "data");
        var socketDirectory = Path.Combine(_directory, "socket");
        Directory.CreateDirectory(socketDirectory);

        // PostgreSQL refuses to run as root, and CI runs as root: hand the directory to the postgres user.
        if (Environment.IsPrivilegedProcess)
        {
            await RunAsync("chown", ["-R", $"{Superuser}:{Superuser}", _directory]);
        }

        await RunAsPostgresAsync(Path.Combine(binDirectory, "initdb"),
            ["-D", dataDirectory, "-U", Superuser, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);

        var port = FreeLoopbackPort();
        // Durability is pointless for a cluster that is deleted after the run, so trade it for speed.
        var serverOptions = $"-p {port} -c listen_addresses={Host} -c unix_socket_directories={socketDirectory} " +
                            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        var logFile = Path.Combine(_directory, "server.log");
        try
        {
            await RunAsPostgresAsync(Path.Combine(binDirectory, "pg_ctl"),
                ["start", "-D", dataDirectory, "-l", logFile, "-w", "-t", "60", "-o", serverOptions]);
        }
        catch (InvalidOperationException failure) when (File.Exists(logFile))
        {
            // pg_ctl only says that the start failed; the reason is in the server log.
            throw new InvalidOperationException($"{failure.Message}\nServer log:\n{await File.ReadAllTextAsync(logFile)}", failure);
        }

        _port = port;
    }

    /// <summary>Creates an empty database and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        if (!DatabaseName().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a plain lower-case identifier.", nameof(name));
        }

        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionStringFor(name);
    }

    public async Task DisposeAsync()
    {
        if (_directory is null)
        {
            return;
        }

        // Idle pooled connections would make a fast shutdown wait for them.
        NpgsqlConnection.ClearAllPools();
        try
        {
            if (_port != 0)
            {
                await RunAsPostgresAsync(Path.Combine(FindBinDirectory(), "pg_ctl"),
                    ["stop", "-D", Path.Combine(_directory, "data"), "-m", "immediate", "-w"]);
            }
        }
        finally
        {
            Directory.Delete(_directory, recursive: true);
            _directory = null;
            _port = 0;
        }
    }

    /// <summary>
    /// A connection string for a database of this cluster, whether or not it exists yet. Opening waits up to 60 s
    /// rather than Npgsql's 15: every connection is a new server process, and on a shared two-core machine running
    /// several test hosts at once starting one has taken longer than 15 s.
    /// </summary>
    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = Host,
        Port = Port,
        Username = Superuser,
        Database = database,
        Timeout = 60,
    }.ConnectionString;

    private static string FindBinDirectory()
    {
        // Debian installs each major version side by side; the newest one is as good as any for tests.
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .ToList()
            : [];
        return candidates.FirstOrDefault()
            ?? throw new InvalidOperationException($"No initdb/pg_ctl under /usr/lib/postgresql/<version>/bin. {InstallHint}");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunAsPostgresAsync(string executable, IReadOnlyList<string> arguments) =>
        Environment.IsPrivilegedProcess
            ? RunAsync("runuser", ["-u", Superuser, "--", executable, .. arguments])
            : RunAsync(executable, arguments);

    private static async Task RunAsync(string executable, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start {executable}. {InstallHint}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{executable} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}");
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();
}
