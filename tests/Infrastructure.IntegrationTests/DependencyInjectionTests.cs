using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Domain.Accounts;
using Wellbeing.Domain.Hubs;
using Wellbeing.Infrastructure.Persistence;
using Wellbeing.Infrastructure.Persistence.Providers;
using Wellbeing.Infrastructure.Persistence.Providers.Postgres;
using Wellbeing.Infrastructure.Persistence.Providers.Sqlite;
using Wellbeing.Infrastructure.Persistence.Providers.SqlServer;

namespace Wellbeing.Infrastructure.IntegrationTests;

public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task Sqlite_ByDefault_MigratesInWalMode_AndCreatesEveryRole()
    {
        await WithDatabaseFileAsync(["nested", "wellbeing.db"], async file =>
        {
            await using var services = Build(new() { ["ConnectionStrings:Wellbeing"] = $"Data Source={file}" });
            await services.InitialiseDatabaseAsync();
            await services.InitialiseDatabaseAsync();

            await using var scope = services.CreateAsyncScope();
            var context = scope.ServiceProvider.GetRequiredService<WellbeingDbContext>();
            Assert.IsType<SqliteWellbeingDbContext>(context);
            Assert.Same(context, scope.ServiceProvider.GetRequiredService<IUnitOfWork>());
            Assert.NotNull(scope.ServiceProvider.GetRequiredService<IRepository<Hub>>());
            Assert.Equal(Roles.All.Order(), (await context.Roles.Select(r => r.Name!).ToListAsync()).Order());
            Assert.Equal("wal", await context.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync());
            Assert.Equal(5000L, await context.Database.SqlQueryRaw<long>("SELECT timeout AS Value FROM pragma_busy_timeout").SingleAsync());

            var identity = scope.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>().Value;
            // No lockout: sign-in is throttled per client instead (docs/decisions/0007).
            Assert.Equal((false, 8, true), (identity.Lockout.AllowedForNewUsers, identity.Password.RequiredLength, identity.User.RequireUniqueEmail));
        });
    }

    [Fact]
    public async Task Sqlite_Pragmas_HoldOnEveryOpen_OfAReusedConnection_ANewOne_AndANewFileAtTheSamePath()
    {
        // They are set once per native connection (SqlitePragmaInterceptor), so every way a request can get one counts.
        await WithDatabaseFileAsync(["wellbeing.db"], async file =>
        {
            foreach (var _ in new[] { "first file", "the same path after the file was deleted" })
            {
                await using (var services = Build(new() { ["ConnectionStrings:Wellbeing"] = $"Data Source={file}" }))
                {
                    await services.InitialiseDatabaseAsync();
                    foreach (var __ in new[] { "pooled", "pooled again", "after the pool was cleared" })
                    {
                        await using (var scope = services.CreateAsyncScope())
                        {
                            var context = scope.ServiceProvider.GetRequiredService<WellbeingDbContext>();
                            Assert.Equal("wal", await context.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync());
                            Assert.Equal(5000L, await context.Database.SqlQueryRaw<long>("SELECT timeout AS Value FROM pragma_busy_timeout").SingleAsync());
                        }

                        if (__ == "pooled again")
                        {
                            SqliteConnection.ClearAllPools();
                        }
                    }
                }

                SqliteConnection.ClearAllPools();
                File.Delete(file);
                File.Delete(file + "-wal");
                File.Delete(file + "-shm");
            }
        });
    }

    [Fact]
    public async Task Database_FromAnotherMigrationHistory_IsRefused_SayingWhatToDo()
    {
        await WithDatabaseFileAsync(["wellbeing.db"], async file =>
        {
            // What a development database made by the history before the squash looks like to this build.
            await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText =
                    "CREATE TABLE __EFMigrationsHistory (MigrationId TEXT PRIMARY KEY, ProductVersion TEXT NOT NULL);" +
                    "INSERT INTO __EFMigrationsHistory VALUES ('20261123110052_InitialCreate', '10.0.0'), ('20261123111859_ClientJourney', '10.0.0');" +
                    "CREATE TABLE Hubs (Id TEXT PRIMARY KEY);";
                await command.ExecuteNonQueryAsync();
            }

            await using var services = Build(new() { ["ConnectionStrings:Wellbeing"] = $"Data Source={file}" });
            var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => services.InitialiseDatabaseAsync());

            Assert.Contains("records 2 migration(s) that are not in this build's history (the first: 20261123110052_InitialCreate)", refusal.Message);
            Assert.Contains("remove src/Web/App_Data/wellbeing.db*", refusal.Message);
        });
    }

    [Fact]
    public async Task Database_MigratedByANewerRelease_StillStarts()
    {
        await WithDatabaseFileAsync(["wellbeing.db"], async file =>
        {
            await using var services = Build(new() { ["ConnectionStrings:Wellbeing"] = $"Data Source={file}" });
            await services.InitialiseDatabaseAsync();
            await using (var scope = services.CreateAsyncScope())
            {
                // History is append-only, so a newer release only adds to it: this build's nodes keep serving during a
                // rolling upgrade or after a rollback.
                await scope.ServiceProvider.GetRequiredService<WellbeingDbContext>().Database.ExecuteSqlRawAsync(
                    "INSERT INTO __EFMigrationsHistory (MigrationId, ProductVersion) VALUES ('29991231000000_NextRelease', '10.0.15')");
            }

            await services.InitialiseDatabaseAsync();
        });
    }

    [Theory]
    [InlineData("SqlServer", typeof(SqlServerWellbeingDbContext), DatabaseProvider.SqlServer)]
    [InlineData("postgres", typeof(PostgresWellbeingDbContext), DatabaseProvider.Postgres)]
    public async Task ProviderSetting_ChoosesTheContext_IgnoringCase(string setting, Type expected, DatabaseProvider provider)
    {
        await using var services = Build(new() { ["Database:Provider"] = setting, ["ConnectionStrings:Wellbeing"] = "Server=nowhere;Host=nowhere" });
        await using var scope = services.CreateAsyncScope();
        Assert.IsType(expected, scope.ServiceProvider.GetRequiredService<WellbeingDbContext>());
        Assert.Equal(provider, services.GetRequiredService<DatabaseSettings>().Provider);
    }

    [Theory]
    [InlineData("Oracle")]
    [InlineData("1")]
    [InlineData("Sqlite, Postgres")]
    public void UnknownProvider_IsRefused_NamingTheSettingAndTheAllowedValues(string setting)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Database:Provider"] = setting }));
        Assert.Equal($"Database:Provider is \"{setting}\"; allowed values: Sqlite, SqlServer, Postgres (Sqlite when unset).", error.Message);
    }

    [Fact]
    public void ServerProvider_WithoutConnectionString_IsRefusedNamingIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Database:Provider"] = "Postgres" }));
        Assert.Contains("ConnectionStrings:Wellbeing", error.Message);
    }

    [Theory]
    [InlineData("Sqlite", null, true)]
    [InlineData("SqlServer", null, false)]
    [InlineData("Postgres", null, false)]
    [InlineData("Postgres", "true", true)]
    [InlineData("Sqlite", "False", false)]
    public void Migrating_at_startup_is_the_default_on_sqlite_only(string provider, string? setting, bool expected)
    {
        using var services = Build(new() { ["Database:Provider"] = provider, ["Database:MigrateAtStartup"] = setting, ["ConnectionStrings:Wellbeing"] = "Host=nowhere" });
        Assert.Equal(expected, services.GetRequiredService<DatabaseSettings>().MigrateAtStartup);
    }

    [Fact]
    public void A_migrate_at_startup_that_is_not_a_boolean_is_refused_by_name()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Database:MigrateAtStartup"] = "yes" }));
        Assert.Equal("Database:MigrateAtStartup is \"yes\"; use true or false.", error.Message);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddInfrastructure(configuration).BuildServiceProvider();
    }

    /// <summary>Runs <paramref name="test"/> with the path of a database file in a folder of its own, removed afterwards.</summary>
    private static async Task WithDatabaseFileAsync(string[] relativePath, Func<string, Task> test)
    {
        var directory = Directory.CreateTempSubdirectory("wellbeing-di-").FullName;
        try
        {
            await test(Path.Combine([directory, .. relativePath]));
        }
        finally
        {
            // Pooled connections would otherwise keep the file open and the folder could not be removed.
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
