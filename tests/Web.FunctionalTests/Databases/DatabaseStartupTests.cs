using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Wellbeing.Domain.Accounts;
using Wellbeing.Infrastructure.Persistence.Providers;
using Wellbeing.Infrastructure.Persistence.Providers.Postgres;
using Wellbeing.Testing;
using Wellbeing.Testing.Databases;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Databases;

public sealed class DatabaseSettingsStartupTests
{
    [Fact]
    public async Task UnknownProvider_FailsTheStart_NamingTheSettingAndTheAllowedValues()
    {
        await using var app = new WellbeingAppFactory();
        app.Settings["Database:Provider"] = "Oracle";

        var failure = Record.Exception(() => app.CreateClient());

        var message = Assert.IsType<InvalidSettingsException>(failure).Message;
        Assert.Contains("Database:Provider is \"Oracle\"", message);
        Assert.Contains("Sqlite, SqlServer, Postgres", message);
    }
}

/// <summary>
/// How the app meets a PostgreSQL database as a deployment would: the <c>migrate</c> command of the published app,
/// nodes that do not migrate, and two nodes that start together on an empty database.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DatabaseStartupTests(PostgresCluster cluster)
{
        [Fact]
    public async Task Postgres_ByDefault_DoesNotMigrateAtStart_AndFailsFastSayingHowToMigrate()
    {
        var database = await cluster.CreateDatabaseAsync($"behind_{Guid.NewGuid():N}");
        await using var app = WellbeingAppFactory.ForDatabase(DatabaseProvider.Postgres, database);
        app.Settings["Database:MigrateAtStartup"] = null;

        var failure = Record.Exception(() => app.CreateClient());

        var message = Assert.IsType<InvalidOperationException>(failure).Message;
        Assert.Contains("Database:MigrateAtStartup is false", message);
        Assert.Contains("dotnet Wellbeing.Web.dll migrate", message);
        Assert.Empty(await ReadAsync(database, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"));
    }

    [Fact]
    public async Task MigrateCommand_OnADatabaseNotYetCreated_ExitsZeroTwice_ThenANodeThatDoesNotMigrateServes()
    {
        var database = cluster.ConnectionStringFor($"migrated_{Guid.NewGuid():N}");

        var first = await PublishedApp.RunToEndAsync(AppProcess(database, [MigrateCommand.Verb]));
        // The verb after a setting, in another case, is the same command (never a web node that does not exit), and
        // Development, where `dotnet run` puts it, validates the services it builds.
        var again = await PublishedApp.RunToEndAsync(AppProcess(database, ["--environment=Development", "Migrate"]));
        await using var app = WellbeingAppFactory.ForDatabase(DatabaseProvider.Postgres, database);
        app.Settings["Database:MigrateAtStartup"] = null;
        app.Settings["DemoData:Enabled"] = "false";
        var health = await app.CreateClient().GetAsync("/healthz");

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(AllMigrations(), await AppliedMigrationsAsync(database));
        Assert.Equal(Roles.All.Order(StringComparer.Ordinal), await RoleNamesAsync(database));
    }

    [Fact]
    public async Task MigrateCommand_WhenTheDatabaseCannotBeReached_ExitsNonZero()
    {
        var unreachable = new NpgsqlConnectionStringBuilder(await cluster.CreateDatabaseAsync($"unused_{Guid.NewGuid():N}")) { Port = FreeLoopbackPort(), Timeout = 5 };

        var (exitCode, output) = await PublishedApp.RunToEndAsync(AppProcess(unreachable.ConnectionString, [MigrateCommand.Verb]));

        Assert.True(exitCode == 1, output);
        Assert.Contains("Migrating the database failed", output);
    }

    [Fact]
    public async Task MigrateCommand_WithAnUnknownProvider_ExitsOne_LoggingWhy()
    {
        var database = cluster.ConnectionStringFor($"unused_{Guid.NewGuid():N}");

        var (exitCode, output) = await PublishedApp.RunToEndAsync(AppProcess(database, [MigrateCommand.Verb, "--Database:Provider=Oracle"]));

        Assert.True(exitCode == 1, output);
        Assert.Contains("The app cannot start: 1 setting problem(s)", output);
        Assert.Contains("Database:Provider is \"Oracle\"", output);
    }

    /// <summary>
    /// The crash the issue reports: nodes that migrate at start-up on one empty database raced for the migration
    /// history and the role names. Under the database-wide lock the second waits for the first, then finds nothing to do.
    /// </summary>
    [Fact]
    public async Task TwoNodesMigratingAtStart_OnOneFreshDatabase_BothStartAndServe()
    {
        var database = await cluster.CreateDatabaseAsync($"two_nodes_{Guid.NewGuid():N}");
        var ports = new[] { FreeLoopbackPort(), FreeLoopbackPort() };
        var nodes = ports.Select(port => PublishedApp.Start(AppProcess(database, ["--urls", $"http://127.0.0.1:{port}"], migrateAtStartup: true))).ToList();
        try
        {
            var statuses = await Task.WhenAll(nodes.Zip(ports, (node, port) => HealthOnceStartedAsync(node, port)));

            Assert.All(statuses, status => Assert.True(status == HttpStatusCode.OK, string.Join("\n---\n", nodes.Select(n => n.Output))));
            Assert.Equal(AllMigrations(), await AppliedMigrationsAsync(database));
            Assert.Equal(Roles.All.Order(StringComparer.Ordinal), await RoleNamesAsync(database));
        }
        finally
        {
            foreach (var node in nodes)
            {
                node.Process.Kill(entireProcessTree: true);
                await node.Process.WaitForExitAsync();
                node.Process.Dispose();
            }
        }
    }

    private static ProcessStartInfo AppProcess(string connectionString, IEnumerable<string> arguments, bool? migrateAtStartup = null) =>
        PublishedApp.Process(DatabaseProvider.Postgres, connectionString, arguments, migrateAtStartup is { } migrate
            ? new Dictionary<string, string?> { ["Database__MigrateAtStartup"] = migrate ? "true" : "false" }
            : null);

    /// <summary>Asks /healthz until the node answers, or until it exits or the start timeout passes (null then).</summary>
    private static async Task<HttpStatusCode?> HealthOnceStartedAsync((Process Process, StringBuilder Output) node, int port)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        var deadline = DateTime.UtcNow + PublishedApp.StartTimeout;
        while (!node.Process.HasExited && DateTime.UtcNow < deadline)
        {
            try
            {
                return (await http.GetAsync("/healthz")).StatusCode;
            }
            catch (Exception notYet) when (notYet is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet (still migrating, or waiting for the other node's lock), or too slow to answer on a busy machine.
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }
        }

        return null;
    }

    private static List<string> AllMigrations()
    {
        using var context = new PostgresDesignTimeFactory().CreateDbContext([]);
        return [.. context.Database.GetMigrations().Order(StringComparer.Ordinal)];
    }

    private static async Task<List<string>> AppliedMigrationsAsync(string database) =>
        [.. (await ReadAsync(database, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\"")).Order(StringComparer.Ordinal)];

    private static async Task<List<string>> RoleNamesAsync(string database) =>
        [.. (await ReadAsync(database, "SELECT \"Name\" FROM \"AspNetRoles\"")).Order(StringComparer.Ordinal)];

    private static async Task<List<string>> ReadAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
