using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Wellbeing.Infrastructure.Persistence.Providers.Sqlite;

/// <summary>
/// WAL lets readers run while a request or a background job writes; the busy timeout makes a writer wait for the
/// file lock instead of failing at once with "database is locked". busy_timeout is per connection, so every open
/// sets it; journal_mode is stored in the file but is cheap to restate.
/// </summary>
public sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
