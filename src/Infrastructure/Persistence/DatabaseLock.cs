using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Wellbeing.Infrastructure.Persistence.Providers;

namespace Wellbeing.Infrastructure.Persistence;

/// <summary>
/// A database-wide exclusive lock held by one context's connection while it migrates and seeds, so web nodes and the
/// <c>migrate</c> command starting together take turns instead of racing for the same DDL and rows. PostgreSQL: a
/// session-level advisory lock (<c>pg_advisory_lock</c>); SQL Server: a session-owned application lock
/// (<c>sp_getapplock</c>). Both are released when the session ends, so a crashed node cannot leave it behind. SQLite
/// needs none: its one file belongs to one node, and EF Core's own migration lock covers that file.
/// </summary>
internal sealed class DatabaseLock : IAsyncDisposable
{
    /// <summary>How long a node waits for another to finish migrating before its start fails.</summary>
    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(10);

    // Any constant works as long as every version of the app uses the same one; this is "Wellbein" in ASCII.
    private const long PostgresKey = 0x57656C6C6265696E;
    private const string SqlServerResource = "Wellbeing.Database";

    /// <summary>
    /// The lock a transaction appending to the audit log holds until it ends (see WellbeingDbContext), distinct from
    /// the migration lock so a migrating node does not stop the others' requests: "Wellaudt" in ASCII.
    /// </summary>
    public const long AuditLogKey = 0x57656C6C61756474;

    public const string AuditLogResource = "Wellbeing.AuditLog";

    private readonly DatabaseFacade _database;
    private readonly string _release;

    private DatabaseLock(DatabaseFacade database, string release)
    {
        _database = database;
        _release = release;
    }

    /// <summary>Waits for the lock (up to ten minutes); null on SQLite, which needs none.</summary>
    /// <exception cref="System.Data.Common.DbException">The lock was not had in time (a command timeout, or SQL Server's error 51000), or the database cannot be reached.</exception>
    public static async Task<DatabaseLock?> AcquireAsync(DatabaseFacade database, DatabaseProvider provider, CancellationToken cancellationToken)
    {
        var (acquire, release) = provider switch
        {
            DatabaseProvider.Postgres => ($"SELECT pg_advisory_lock({PostgresKey})", $"SELECT pg_advisory_unlock({PostgresKey})"),
            DatabaseProvider.SqlServer => (
                $"""
                 DECLARE @result int;
                 EXEC @result = sp_getapplock @Resource = N'{SqlServerResource}', @LockMode = N'Exclusive', @LockOwner = N'Session', @LockTimeout = {(int)Wait.TotalMilliseconds};
                 IF @result < 0 THROW 51000, N'Timed out waiting for the {SqlServerResource} lock.', 1;
                 """,
                $"EXEC sp_releaseapplock @Resource = N'{SqlServerResource}', @LockOwner = N'Session';"),
            _ => (null, null),
        };
        if (acquire is null || release is null)
        {
            return null;
        }

        // The lock belongs to the session, so the connection stays open until it is released: everything the
        // context does meanwhile (migrations, Identity's role store) runs in that session.
        await database.OpenConnectionAsync(cancellationToken);
        var commandTimeout = database.GetCommandTimeout();
        database.SetCommandTimeout(Wait + TimeSpan.FromMinutes(1));
        try
        {
            await database.ExecuteSqlRawAsync(acquire, cancellationToken);
        }
        catch
        {
            await database.CloseConnectionAsync();
            throw;
        }
        finally
        {
            database.SetCommandTimeout(commandTimeout);
        }

        return new DatabaseLock(database, release);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _database.ExecuteSqlRawAsync(_release);
        }
        finally
        {
            await _database.CloseConnectionAsync();
        }
    }
}
