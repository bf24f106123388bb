using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Wellbeing.Infrastructure.Persistence.Providers.Sqlite;

/// <summary>
/// WAL lets readers run while a request or a background job writes; the busy timeout makes a writer wait for the
/// file lock instead of failing at once with "database is locked". busy_timeout is per connection, so every open
/// sets it; journal_mode is stored in the file but is cheap to restate. A read-only connection (EF Core opens one to
/// ask whether the file exists) cannot change the journal mode of a file that is not in WAL yet, so it sets only the
/// timeout.
/// </summary>
public sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = PragmasFor(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = PragmasFor(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string PragmasFor(DbConnection connection) =>
        new SqliteConnectionStringBuilder(connection.ConnectionString).Mode == SqliteOpenMode.ReadOnly
            ? "PRAGMA busy_timeout=5000;"
            : "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000;";
}
