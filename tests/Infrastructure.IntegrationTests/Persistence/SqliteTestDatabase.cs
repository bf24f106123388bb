using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Wellbeing.Infrastructure.Persistence;
using Wellbeing.Infrastructure.Persistence.Providers.Sqlite;

namespace Wellbeing.Infrastructure.IntegrationTests.Persistence;

/// <summary>A real database file, not :memory:, so WAL and the file locks behave as they do in the application.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _directory = Directory.CreateTempSubdirectory("wellbeing-sqlite-").FullName;

    public string ConnectionString => $"Data Source={Path.Combine(_directory, "wellbeing.db")}";

    public override WellbeingDbContext CreateContext(params IInterceptor[] interceptors) => ContextFor(ConnectionString, interceptors);

    /// <summary>A context on any SQLite database, set up as the application's are.</summary>
    public static WellbeingDbContext ContextFor(string connectionString, params IInterceptor[] interceptors)
    {
        var options = new DbContextOptionsBuilder<SqliteWellbeingDbContext>();
        SqliteProvider.Configure(options.ThrowOnFaults(), connectionString);
        return new SqliteWellbeingDbContext(options.AddInterceptors(interceptors).Options);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();

        // Pooled connections would otherwise keep the file open and the directory could not be removed.
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
