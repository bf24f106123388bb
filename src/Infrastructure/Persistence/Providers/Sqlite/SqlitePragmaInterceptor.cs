using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Wellbeing.Infrastructure.Persistence.Providers.Sqlite;

/// <summary>
/// WAL lets readers run while a request or a background job writes; the busy timeout makes a writer wait for the
/// file lock instead of failing at once with "database is locked". A read-only connection (EF Core opens one to ask
/// whether the file exists) cannot change the journal mode of a file that is not in WAL yet, so it sets only the
/// timeout.
/// </summary>
/// <remarks>
/// Both settings outlive an open: busy_timeout belongs to the native connection, which Microsoft.Data.Sqlite's pool
/// hands back on the next open, and journal_mode is stored in the file. So they are set once per native connection, not
/// on every open, where preparing and running them cost about 3 % of a cached clients list's time (docs/performance.md).
/// A new file at a path used before is reached through new native connections once the pool is cleared (EF Core's
/// EnsureDeleted does), and those are set up in turn. Microsoft.Data.Sqlite runs asynchronous calls synchronously, so
/// the asynchronous event does the same work.
/// </remarks>
public sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    // The native connections already set up; an entry goes when its connection is closed for good and collected.
    private static readonly ConditionalWeakTable<sqlite3, object> SetUpConnections = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => SetUp((SqliteConnection)connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        SetUp((SqliteConnection)connection);
        return Task.CompletedTask;
    }

    /// <summary>Sets the pragmas on an open connection unless its native connection has them already; also for connections EF Core does not open.</summary>
    /// <exception cref="SqliteException">The file cannot be switched to WAL (for example, it is locked).</exception>
    public static void SetUp(SqliteConnection connection)
    {
        var handle = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        if (SetUpConnections.TryGetValue(handle, out _))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = new SqliteConnectionStringBuilder(connection.ConnectionString).Mode == SqliteOpenMode.ReadOnly
            ? "PRAGMA busy_timeout=5000;"
            : "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000;";
        command.ExecuteNonQuery();
        SetUpConnections.AddOrUpdate(handle, SetUpConnections);
    }
}
