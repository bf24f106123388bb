using Microsoft.Extensions.DependencyInjection.Extensions;
using Wellbeing.Application.Auditing;
using Wellbeing.Infrastructure.Auditing;
using Ardalis.Specification;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using Wellbeing.Application.Administration.MemberImports;
using Wellbeing.Application.Accounts;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Application.Invitations;
using Wellbeing.Application.Hr;
using Wellbeing.Application.Messaging.Commands.RecordWellbeingReminders;
using Wellbeing.Application.PartnerClients;
using Wellbeing.Application.Professionals.Commands.PublishAllianceScores;
using Wellbeing.Application.Professionals.Queries.GetMyClients;
using Wellbeing.Application.Statistics.Commands.PublishClosedPeriods;
using Wellbeing.Domain.Accounts;
using Wellbeing.Infrastructure.MemberImports;
using Wellbeing.Infrastructure.Fhir;
using Wellbeing.Infrastructure.Identity;
using Wellbeing.Infrastructure.PartnerClients;
using Wellbeing.Infrastructure.Professionals;
using Wellbeing.Infrastructure.Persistence.Providers;
using Wellbeing.Infrastructure.Persistence.Providers.Postgres;
using Wellbeing.Infrastructure.Persistence.Providers.SqlServer;
using Wellbeing.Infrastructure.Persistence.Providers.Sqlite;
using Wellbeing.Infrastructure.Persistence.ReadModels;
using Wellbeing.Infrastructure.Persistence.Seeding;
using Wellbeing.Infrastructure.Persistence;
using Wellbeing.Infrastructure.Statistics;
using Wellbeing.Infrastructure.Surveys;

using Wellbeing.Infrastructure.Messaging;

namespace Wellbeing.Infrastructure;

public static class DependencyInjection
{
    public const string ProviderSetting = "Database:Provider";
    public const string ConnectionStringName = "Wellbeing";

    /// <summary>Where the embedded database lives when no connection string is configured, relative to the content root.</summary>
    public const string DefaultSqliteFile = "App_Data/wellbeing.db";

    /// <summary>Whether start-up applies pending migrations: true/false, by default true on SQLite only (<see cref="DatabaseSettings"/>).</summary>
    public const string MigrateAtStartupSetting = "Database:MigrateAtStartup";

    /// <exception cref="InvalidOperationException">The database settings are invalid (<see cref="DatabaseSettings.Read"/>).</exception>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var database = DatabaseSettings.Read(configuration);
        services.AddSingleton(database);

        // Contexts are pooled: a request's context is reset and reused rather than built, so a request does not pay for
        // building the context's internal services (about a tenth of the clients list's time before; docs/performance.md).
        // The contexts keep no state of their own between saves, and EF Core resets the change tracker, the command
        // timeout and the connection when one goes back to the pool.
        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                // Resolved on first use because the content root is only known once the host has built its services.
                string? resolved = null;
                services.AddDbContextPool<SqliteWellbeingDbContext>(
                    (serviceProvider, builder) => SqliteProvider.Configure(builder, resolved ??= SqliteConnectionString(database.ConnectionString, serviceProvider)));
                services.AddScoped<WellbeingDbContext>(sp => sp.GetRequiredService<SqliteWellbeingDbContext>());
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContextPool<SqlServerWellbeingDbContext>(builder => SqlServerProvider.Configure(builder, database.ConnectionString!));
                services.AddScoped<WellbeingDbContext>(sp => sp.GetRequiredService<SqlServerWellbeingDbContext>());
                break;
            case DatabaseProvider.Postgres:
                services.AddDbContextPool<PostgresWellbeingDbContext>(builder => PostgresProvider.Configure(builder, database.ConnectionString!));
                services.AddScoped<WellbeingDbContext>(sp => sp.GetRequiredService<PostgresWellbeingDbContext>());
                break;
        }

        services.AddScoped<DatabaseInitialiser>();
        services.AddSingleton<ISpecificationEvaluator, SpecificationEvaluator>();
        services.AddScoped(typeof(IRepository<>), typeof(EfRepository<>));
        services.AddScoped<IUnitOfWork>(sp => sp.GetRequiredService<WellbeingDbContext>());
        services.AddScoped<MyClientsReader>();
        services.AddScoped<IMyClientsReader, CachedMyClientsReader>();
        services.AddSingleton<ClientListCache>();
        services.AddSingleton<ClientListVersionReader>();
        services.AddScoped<IMembersToInvite, MembersToInviteReader>();
        services.AddScoped<IAuditLog, EfAuditLog>();

        // The web host replaces it with the request's account and address.
        services.TryAddSingleton<IAuditActor, NoAuditActor>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => new FileSurveyCatalogue(FileSurveyCatalogue.DefaultFolder));
        services.AddSingleton<SurveyCatalogue>();
        services.AddSingleton<ISurveyCatalogue>(sp => sp.GetRequiredService<SurveyCatalogue>());
        services.AddScoped<IInstrumentFileReader, InstrumentFileReader>();
        var refreshSeconds = configuration.GetValue(SurveyCatalogueRefresh.RefreshSecondsSetting, 30);
        services.AddHostedService(sp => ActivatorUtilities.CreateInstance<SurveyCatalogueRefresh>(sp, TimeSpan.FromSeconds(refreshSeconds)));
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<ISignInAccounts, SignInAccounts>();
        services.AddScoped<AccountSignIn>();
        services.AddScoped<IAccountSignIn>(sp => sp.GetRequiredService<AccountSignIn>());
        services.AddScoped<ISignInSessions, OpenSessions>();
        services.AddSingleton<SessionMemory>();
        services.AddScoped<IAccountRegistration, AccountRegistrations>();
        services.AddSingleton<IFhirExport, FhirExport>();
        services.AddScoped<IPeriodSource, EfPeriodSource>();
        services.AddMemoryCache();
        services.AddScoped<IPublishedBlocks, CachedPublishedBlocks>();
        services.AddScoped<IAllianceRatingSource, EfAllianceRatingSource>();
        services.AddScoped<IPartnerClients, OpenIddictPartnerClients>();
        services.AddSingleton<PartnerClientRegistrations>();
        services.AddSingleton<IUnsubscribeTokens, UnsubscribeTokens>();
        services.AddScoped<IWellbeingReminderSource, EfWellbeingReminderSource>();
        services.AddScoped<IOutboxWriter, EfOutboxWriter>();
        services.AddSingleton(InvitationSettingsFrom(configuration));
        services.AddSingleton<IMemberImportCsv, CsvMemberImportFile>();
        services.AddSingleton((configuration.GetSection(MemberImportSettings.Section).Get<MemberImportSettings>() ?? new MemberImportSettings()).Validated());

        // The OAuth store only: the token endpoint and the validation of bearer tokens are the web host's (AddPartnerApi).
        services.AddOpenIddict().AddCore(options =>
        {
            options.UseEntityFrameworkCore().UseDbContext<WellbeingDbContext>();
            options.ReplaceApplicationManager<OpenIddictEntityFrameworkCoreApplication, PartnerApplicationManager>();
        });
        services.AddScoped(provider => (PartnerApplicationManager)provider.GetRequiredService<IOpenIddictApplicationManager>());

        services
            .AddIdentity<ApplicationUser, IdentityRole>(options =>
            {
                // No account locks after failed passwords (docs/decisions/0007): attempts are throttled per client.
                options.Lockout.AllowedForNewUsers = false;
                options.Password.RequiredLength = 8;
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<WellbeingDbContext>()
            .AddDefaultTokenProviders();

        return services;
    }

    /// <summary>
    /// Start-up: migrates and creates the roles when <see cref="MigrateAtStartupSetting"/> is on (the SQLite default);
    /// otherwise checks that no migration is pending and creates any missing role, under a database-wide lock.
    /// Then loads the imported instrument definitions. Demo data is seeded after this, elsewhere.
    /// </summary>
    /// <exception cref="InvalidOperationException">The database is behind and start-up is not to migrate it; the message says how to.</exception>
    /// <exception cref="InvalidSurveyDefinitionException">An imported instrument definition no longer fits the shipped files.</exception>
    public static async Task InitialiseDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitialiser>().InitialiseAsync(cancellationToken);

        // The imported instruments are in the database: served from the first request on.
        await services.GetRequiredService<SurveyCatalogue>().ReloadAsync(cancellationToken);
    }

    /// <summary>
    /// The <c>migrate</c> command: applies pending migrations and creates missing roles, under a database-wide lock, so
    /// it is safe beside running or starting nodes and idempotent.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitialiser>().MigrateAsync(cancellationToken);
    }

    /// <summary>Fills an empty database with the demo hubs (Development and tests only: see DemoData:Enabled).</summary>
    public static async Task SeedDemoDataAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync();

        // Publish the demo's closed months straight away, so the demo HR manager and professionals do not wait for the hourly run.
        await scope.ServiceProvider.GetRequiredService<PublishClosedPeriodsHandler>().Handle(new PublishClosedPeriodsCommand(), CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<PublishAllianceScoresHandler>().Handle(new PublishAllianceScoresCommand(), CancellationToken.None);
    }

    /// <summary>
    /// A relative file is resolved against the content root, not the working directory, so `dotnet run` from the
    /// repository root and from src/Web use the same database; its folder is created because SQLite will not.
    /// </summary>
    /// <exception cref="InvalidOperationException"><c>Invitations:ExpiryDays</c> is not a whole number of days from 1 to 90.</exception>
    private static InvitationSettings InvitationSettingsFrom(IConfiguration configuration)
    {
        var days = configuration.GetValue(InvitationSettings.ExpiryDaysSetting, InvitationSettings.DefaultExpiryDays);
        return days is >= 1 and <= 90
            ? new InvitationSettings(TimeSpan.FromDays(days))
            : throw new InvalidOperationException($"{InvitationSettings.ExpiryDaysSetting} must be a whole number of days from 1 to 90 (default {InvitationSettings.DefaultExpiryDays}).");
    }

    private static string SqliteConnectionString(string? configured, IServiceProvider services)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? $"Data Source={DefaultSqliteFile}" : configured);
        if (SqliteProvider.IsFile(builder))
        {
            var contentRoot = services.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory;
            builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        return builder.ToString();
    }
}
