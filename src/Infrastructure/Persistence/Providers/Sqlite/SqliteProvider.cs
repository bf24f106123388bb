using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Wellbeing.Infrastructure.Persistence.Providers.Sqlite;

public static class SqliteProvider
{
    /// <summary>Shared by the application and the design-time factory so migrations see the options the app runs with.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(SqliteProvider).Assembly.FullName))
            .AddInterceptors(new SqlitePragmaInterceptor());

    /// <summary>Whether the connection string names a database file, not an in-memory database (<c>Mode=Memory</c> or <c>:memory:</c>).</summary>
    public static bool IsFile(SqliteConnectionStringBuilder connection) =>
        connection.Mode != SqliteOpenMode.Memory
        && !string.IsNullOrEmpty(connection.DataSource)
        && !connection.DataSource.Equals(":memory:", StringComparison.OrdinalIgnoreCase);
}
