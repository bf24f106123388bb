using System.Net;
using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.EntityFrameworkCore;
using Wellbeing.Infrastructure.Persistence.Providers;
using Wellbeing.Infrastructure.Persistence.Providers.Postgres;
using Wellbeing.Infrastructure.Persistence.Providers.Sqlite;
using Wellbeing.Infrastructure.Persistence.Providers.SqlServer;
using Wellbeing.Web;

namespace Wellbeing.Testing;

/// <summary>
/// The web app in the "Testing" environment on a database of its own: by default a fresh SQLite
/// file in a temporary directory that is deleted with the factory.
/// </summary>
public sealed class WellbeingAppFactory : WebApplicationFactory<Program>
{
    public const string EnvironmentName = HostEnvironments.Testing;

    /// <summary>
    /// Hangfire keeps its storage and log provider in statics that each starting host overwrites. Tests run many hosts
    /// in one process, so starts are taken one at a time, and afterwards Hangfire logs through a factory that outlives
    /// every host: otherwise a host could pick up another's storage, or log through another's disposed logger factory.
    /// </summary>
    private static readonly Lock HostStart = new();
    private static readonly ILoggerFactory ProcessLogging = LoggerFactory.Create(logging => logging.AddConsole().SetMinimumLevel(LogLevel.Warning));

    /// <summary>
    /// Every host would otherwise watch its settings files and web root through inotify, one instance per watcher, and
    /// Linux allows a user 128 instances by default (<c>fs.inotify.max_user_instances</c>): a test run with many hosts
    /// alive across parallel test assemblies runs out, and every later host fails to start or render. Tests never edit
    /// those files while a host runs, so hosts read settings once and poll the web root instead. Both switches are
    /// process-wide environment variables that .NET reads when a host is built, so they are set before the first one.
    /// </summary>
    static WellbeingAppFactory()
    {
        System.Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        System.Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("wellbeing-app-").FullName;
    private Uri? _serverAddress;

    public WellbeingAppFactory()
    {
        ConnectionString = $"Data Source={Path.Combine(_dataDirectory, "wellbeing.db")}";
    }

    public DatabaseProvider DatabaseProvider { get; init; } = DatabaseProvider.Sqlite;

    public string ConnectionString { get; init; }

    public bool DemoDataEnabled { get; init; } = true;

    /// <summary>The host environment: Testing unless a test checks what only happens elsewhere (Secure cookies, HTTPS).</summary>
    public string Environment { get; init; } = EnvironmentName;

    /// <summary>
    /// The app's clock: null (the default) for the system clock; a <c>FakeTimeProvider</c> for tests that need a
    /// reporting period to close or an invitation to expire while they watch. Everything that takes TimeProvider from
    /// the container sees it (the use cases, Identity's cookies), so start it at the real time.
    /// </summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>Replaces or adds services after the app's own (a logger provider that captures logs, a faulty dependency).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>Further configuration overrides, applied last (for example job polling intervals).</summary>
    public IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <summary>The site's address in e-mail links (<c>Email:PublicBaseUrl</c>).</summary>
    public static readonly Uri PublicBaseUrl = new("http://localhost/");

    /// <summary>Where the app writes e-mail when no SMTP server is configured: inside <see cref="DataDirectory"/>.</summary>
    public string PickupFolder => Path.Combine(_dataDirectory, "mail-pickup");

    /// <summary>Sends the app's e-mail to <paramref name="server"/> instead of the pickup folder (plain SMTP on loopback).</summary>
    public WellbeingAppFactory WithSmtp(LoopbackSmtpServer server)
    {
        Settings["Email:Smtp:Host"] = IPAddress.Loopback.ToString();
        Settings["Email:Smtp:Port"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Email:Smtp:Security"] = "None";
        return this;
    }

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

    /// <summary>A host name the app answers for in tests besides loopback: a real-looking one for documents that name their server.</summary>
    public const string PartnerHost = "partners.wellbeing.test";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        // Host filtering is on outside Development; the partner host is what the OpenAPI lint asks at, as a partner would.
        builder.UseSetting("AllowedHosts", $"localhost;127.0.0.1;{PartnerHost}");

        // Every test client of a host shares one address (TestServer has none, Kestrel tests use loopback), so the
        // sign-in and unsubscribe throttles would trip across unrelated tests; the throttles' own tests set a small burst.
        builder.UseSetting("SignIn:Throttle:Burst", "100000");
        builder.UseSetting("Unsubscribe:Throttle:Burst", "100000");

        // UseSetting, unlike ConfigureAppConfiguration, is visible while Program.cs is still building,
        // which is where the app picks its database provider.
        builder.UseSetting("Database:Provider", DatabaseProvider.ToString());
        builder.UseSetting("ConnectionStrings:Wellbeing", ConnectionString);

        // Every factory starts on a database of its own that nobody else migrates, on every provider; tests of what a
        // server provider does without it turn it off through Settings.
        builder.UseSetting("Database:MigrateAtStartup", "true");
        builder.UseSetting("DemoData:Enabled", DemoDataEnabled ? "true" : "false");

        // A test class asks for dozens of tokens in seconds, all from the test server's one address; the throttle's own
        // tests set low limits through Settings.
        builder.UseSetting("PartnerApi:TokenThrottle:PerClientPerMinute", "10000");
        builder.UseSetting("PartnerApi:TokenThrottle:PerAddressPerMinute", "10000");

        // E-mail: links to a fixed address, messages into this factory's scratch folder (never the source tree), and no
        // scheduled outbox or reminder run: tests run the jobs themselves, so what is sent, and when, is theirs to say.
        builder.UseSetting("Email:PublicBaseUrl", PublicBaseUrl.AbsoluteUri);
        builder.UseSetting("Email:PickupFolder", PickupFolder);
        builder.UseSetting("Email:Schedule", Cron.Never());
        builder.UseSetting("Jobs:WellbeingReminders:Cron", Cron.Never());
        builder.UseSetting("Jobs:WellbeingReminders:RunAtStartup", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        // EF Core decides at most once a second per context whether anyone listens to its diagnostics, and pooled
        // contexts keep that answer between requests, so a test that starts counting commands would miss those of a
        // context used a moment before. Tests decide afresh every time; the app keeps EF Core's default.
        builder.ConfigureServices(services =>
        {
            services.ConfigureDbContext<SqliteWellbeingDbContext>(options => options.ConfigureLoggingCacheTime(TimeSpan.Zero));
            services.ConfigureDbContext<PostgresWellbeingDbContext>(options => options.ConfigureLoggingCacheTime(TimeSpan.Zero));
            services.ConfigureDbContext<SqlServerWellbeingDbContext>(options => options.ConfigureLoggingCacheTime(TimeSpan.Zero));
        });

        if (Clock is { } clock)
        {
            builder.ConfigureServices(services => services.AddSingleton(clock));
        }

        if (TestServices is { } testServices)
        {
            builder.ConfigureTestServices(testServices);
        }
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        lock (HostStart)
        {
            var host = base.CreateHost(builder);
            GlobalConfiguration.Configuration.UseLogProvider(new AspNetCoreLogProvider(ProcessLogging));
            return host;
        }
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
