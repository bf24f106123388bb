using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Wellbeing.Testing;

/// <summary>
/// The web app in the "Testing" environment on a database of its own: by default a fresh SQLite
/// file in a temporary directory that is deleted with the factory.
/// </summary>
public sealed class WellbeingAppFactory : WebApplicationFactory<Program>
{
    public const string EnvironmentName = "Testing";

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("wellbeing-app-").FullName;
    private Uri? _serverAddress;

    public WellbeingAppFactory()
    {
        ConnectionString = $"Data Source={Path.Combine(_dataDirectory, "wellbeing.db")}";
    }

    public DatabaseProvider DatabaseProvider { get; init; } = DatabaseProvider.Sqlite;

    public string ConnectionString { get; init; }

    public bool DemoDataEnabled { get; init; } = true;

    /// <summary>Further configuration overrides, applied last (for example job polling intervals).</summary>
    public IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <summary>A scratch directory that lives as long as the factory.</summary>
    public string DataDirectory => _dataDirectory;

    /// <summary>The Kestrel address after <see cref="StartKestrel"/>.</summary>
    public Uri ServerAddress =>
        _serverAddress ?? throw new InvalidOperationException($"Call {nameof(StartKestrel)}() before asking for the server address.");

    public static WellbeingAppFactory ForDatabase(DatabaseProvider provider, string connectionString) =>
        new() { DatabaseProvider = provider, ConnectionString = connectionString };

    /// <summary>
    /// Serves the app on real Kestrel at a free loopback port, so an out-of-process browser can reach it.
    /// </summary>
    public Uri StartKestrel()
    {
        if (_serverAddress is not null)
        {
            return _serverAddress;
        }

        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();

        // Port 0 lets the OS pick, so the real port is only known from the bound addresses.
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        _serverAddress = new Uri(addresses.Single());
        return _serverAddress;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);

        // UseSetting, unlike ConfigureAppConfiguration, is visible while Program.cs is still building,
        // which is where the app picks its database provider.
        builder.UseSetting("Database:Provider", DatabaseProvider.ToString());
        builder.UseSetting("ConnectionStrings:Wellbeing", ConnectionString);
        builder.UseSetting("DemoData:Enabled", DemoDataEnabled ? "true" : "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>
    /// Hangfire keeps one process-wide log provider, bound to the logger factory of the host that started last; a
    /// Hangfire client built later, after that host was disposed, fails with ObjectDisposedException. Building this
    /// host's client as soon as it has started binds it to a logger factory that is alive, whatever other tests do.
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        host.Services.GetRequiredService<Hangfire.IBackgroundJobClient>();
        return host;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing || !Directory.Exists(_dataDirectory))
        {
            return;
        }

        // Pooled connections would otherwise keep the database file open on platforms that lock files.
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
