using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wellbeing.Application;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Sessions;
using Wellbeing.Domain.Surveys;
using Wellbeing.Infrastructure;
using Wellbeing.Infrastructure.Persistence;

namespace Wellbeing.Application.FunctionalTests.Support;

/// <summary>
/// The application's real handlers over the real persistence on a throw-away SQLite file, with a clock the test
/// moves. Seeds one hub with two clients of the same professional, so every test can check that a use case stays
/// within the signed-in client's own rows, and a second professional the first client does not work with.
/// </summary>
public sealed class ClientWorld : IAsyncDisposable
{
    public const string UserId = "user-ada";
    public const string OtherUserId = "user-bob";

    /// <summary>Whole seconds, so what SQLite gives back compares equal to what the clock said.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    private readonly string _directory;
    private readonly ServiceProvider _provider;

    private ClientWorld(string directory, ServiceProvider provider, FakeTimeProvider clock)
    {
        _directory = directory;
        _provider = provider;
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }
    public Hub Hub { get; private set; } = null!;
    public Member Member { get; private set; } = null!;
    public Member OtherMember { get; private set; } = null!;
    public Professional Professional { get; private set; } = null!;
    public Professional UnconnectedProfessional { get; private set; } = null!;

    /// <summary>The client's ended session, its alliance invitation open from <see cref="Start"/>.</summary>
    public CareSession Session { get; private set; } = null!;
    public CareSession OtherMembersSession { get; private set; } = null!;

    public static async Task<ClientWorld> CreateAsync(Func<HubSettings, HubSettings>? settings = null)
    {
        // A file rather than :memory: so each scope's context opens its own connection, as in the application.
        var directory = Directory.CreateTempSubdirectory("wellbeing-apptests-").FullName;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [Wellbeing.Infrastructure.DependencyInjection.ProviderSetting] = "Sqlite",
                [$"ConnectionStrings:{Wellbeing.Infrastructure.DependencyInjection.ConnectionStringName}"] = $"Data Source={Path.Combine(directory, "wellbeing.db")}",
            })
            .Build();

        var clock = new FakeTimeProvider(Start);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddApplication();
        services.AddInfrastructure(configuration);
        services.ThrowOnEfFaults();
        // The last registration wins, so every handler reads the test's clock instead of the system's.
        services.AddSingleton<TimeProvider>(clock);

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await provider.InitialiseDatabaseAsync();

        var world = new ClientWorld(directory, provider, clock);
        await world.SeedAsync(settings);
        return world;
    }

    /// <summary>Resolves the handler from a scope of its own, as one web request would, and runs it.</summary>
    public async Task<TResult> RunAsync<THandler, TResult>(Func<THandler, Task<TResult>> use)
        where THandler : notnull
    {
        await using var scope = _provider.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    public async Task RunAsync<THandler>(Func<THandler, Task> use)
        where THandler : notnull
    {
        await using var scope = _provider.CreateAsyncScope();
        await use(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    /// <summary>Gives <paramref name="use"/> the services of one scope, for a test that puts a handler together itself.</summary>
    public async Task<TResult> InScopeAsync<TResult>(Func<IServiceProvider, Task<TResult>> use)
    {
        await using var scope = _provider.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }

    /// <summary>Reads the database through a fresh context, so assertions see what was committed, not a tracked copy.</summary>
    public async Task<T> QueryAsync<T>(Func<WellbeingDbContext, Task<T>> query)
    {
        await using var scope = _provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WellbeingDbContext>();
        return await query(db);
    }

    public async Task SeedAsync(params object[] entities)
    {
        await using var scope = _provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WellbeingDbContext>();
        db.AddRange(entities);
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();

        // Pooled connections would otherwise keep the file open and the folder could not be removed.
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task SeedAsync(Func<HubSettings, HubSettings>? settings)
    {
        Hub = new Hub("Acme Wellbeing", "Acme", "acme", "Europe/Amsterdam", Start.AddMonths(-1));
        if (settings is not null)
        {
            Hub.ChangeSettings(settings(Hub.Settings));
        }

        Member = new Member(Hub.Id, "Ada Lovelace", "ada@example.org", Start.AddMonths(-1));
        Member.LinkAccount(UserId);
        OtherMember = new Member(Hub.Id, "Bob Other", "bob@example.org", Start.AddMonths(-1));
        OtherMember.LinkAccount(OtherUserId);

        Professional = new Professional("Dr Grace Hopper", "grace@example.org", "Psychologist");
        Professional.JoinHub(Hub.Id, Start.AddMonths(-1));
        UnconnectedProfessional = new Professional("Dr Alan Turing", "alan@example.org", "Coach");
        UnconnectedProfessional.JoinHub(Hub.Id, Start.AddMonths(-1));

        Session = new CareSession(Hub.Id, Member.Id, Professional.Id, Start.AddHours(-1), sequenceNumber: 1);
        Session.End(Start, Hub.Settings, Hub.TimeZoneId);
        OtherMembersSession = new CareSession(Hub.Id, OtherMember.Id, Professional.Id, Start.AddHours(-1), sequenceNumber: 1);
        OtherMembersSession.End(Start, Hub.Settings, Hub.TimeZoneId);

        // A running programme holds the WHO-5's commercial-use permission; a test about its absence removes the record.
        var wellbeing = _provider.GetRequiredService<ISurveyCatalogue>().Current(Measure.Wellbeing);
        var licence = new InstrumentLicence(Hub.Id, wellbeing, "admin-user", "Alex Admin", Start.AddMonths(-1), "Permission held by the test employer.");

        await SeedAsync(
            Hub, licence, Member, OtherMember, Professional, UnconnectedProfessional,
            new ClientConnection(Hub.Id, Member.Id, Professional.Id, Start.AddDays(-20)),
            new ClientConnection(Hub.Id, OtherMember.Id, Professional.Id, Start.AddDays(-20)),
            Session, OtherMembersSession);
    }
}
