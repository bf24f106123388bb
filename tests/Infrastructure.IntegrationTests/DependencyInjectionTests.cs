using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Domain.Hubs;
using Wellbeing.Infrastructure.Identity;
using Wellbeing.Infrastructure.Persistence;
using Wellbeing.Infrastructure.Persistence.Providers.Postgres;
using Wellbeing.Infrastructure.Persistence.Providers.Sqlite;
using Wellbeing.Infrastructure.Persistence.Providers.SqlServer;

namespace Wellbeing.Infrastructure.IntegrationTests;

public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task Sqlite_ByDefault_MigratesInWalMode_AndCreatesEveryRole()
    {
        var directory = Directory.CreateTempSubdirectory("wellbeing-di-").FullName;
        var file = Path.Combine(directory, "nested", "wellbeing.db");
        try
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
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData(SqlServerProvider.Name, typeof(SqlServerWellbeingDbContext))]
    [InlineData(PostgresProvider.Name, typeof(PostgresWellbeingDbContext))]
    public async Task ProviderSetting_ChoosesTheContext(string provider, Type expected)
    {
        await using var services = Build(new() { ["Database:Provider"] = provider, ["ConnectionStrings:Wellbeing"] = "Server=nowhere;Host=nowhere" });
        await using var scope = services.CreateAsyncScope();
        Assert.IsType(expected, scope.ServiceProvider.GetRequiredService<WellbeingDbContext>());
    }

    [Fact]
    public void UnknownProvider_IsRefusedByName()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Database:Provider"] = "Oracle" }));
        Assert.Contains("Oracle", error.Message);
    }

    [Fact]
    public void ServerProvider_WithoutConnectionString_IsRefusedNamingIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Database:Provider"] = PostgresProvider.Name }));
        Assert.Contains("ConnectionStrings:Wellbeing", error.Message);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddInfrastructure(configuration).BuildServiceProvider();
    }
}
