using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.ObjectPool;
using Wellbeing.Infrastructure.Persistence.Providers.Sqlite;

namespace Wellbeing.Infrastructure.Persistence.ReadModels;

/// <summary>The version of one of a professional's hubs; null when the hub has no version row (none should lack one).</summary>
public sealed record HubListVersion(Guid HubId, long? Version);

/// <summary>
/// Reads what keys a professional's cached clients lists (<see cref="CachedMyClientsReader"/>, docs/decisions/0010):
/// the versions of the account's hubs, sorted by hub id, from the database on every call. One per node (a singleton),
/// disposed with the host.
/// </summary>
/// <remarks>
/// This read runs on every clients list request, and on SQLite its fixed costs were most of a cached list's time: a
/// pooled connection opened and closed, EF Core's command and reader set up, and the statement prepared again
/// (Microsoft.Data.Sqlite prepares per command, dotnet/efcore#14044). So on SQLite it runs the SQL that EF Core
/// generates for <see cref="Query"/> as a prepared statement kept on open connections of its own (a database file;
/// an in-memory one is read through the context), a few at most,
/// each used by one request at a time; on PostgreSQL and SQL Server, where the round trip dominates, it runs the query
/// through the request's context. Either way the database answers every call and no version is remembered between
/// calls, so a version raised on any node is read by the next request of every node. Its connections stay on the file
/// they opened for at most <see cref="ConnectionLifetime"/>.
/// </remarks>
public sealed class ClientListVersionReader : IDisposable
{
    /// <summary>
    /// How long one of its SQLite connections is used before it is closed and another opened: a database file replaced
    /// under a running node (which needs the node restarted anyway, docs/decisions/0010) is read from the new file
    /// within this time, and reopening a few connections a second costs nothing measurable.
    /// </summary>
    internal static readonly TimeSpan ConnectionLifetime = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private SqliteTarget? _sqlite;
    private bool _disposed;

    /// <summary>The (hub, version) pairs of the hubs the professional signed in as <paramref name="userId"/> belongs to, sorted by hub id; none for an account that is no professional.</summary>
    /// <param name="db">The request's context: its connection string and model on SQLite, its connection otherwise.</param>
    /// <param name="userId">The account's id (Identity's user id).</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <exception cref="InvalidOperationException">On SQLite, <paramref name="db"/> names another database than the first call did.</exception>
    public async ValueTask<IReadOnlyList<HubListVersion>> ReadAsync(WellbeingDbContext db, string userId, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite() && SqliteReadsFor(db) is { } reads)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return reads.Read(userId);
        }

        return await Query(db, userId).ToListAsync(cancellationToken);
    }

    /// <summary>The versions read as a query through <paramref name="db"/>, whatever the provider: the definition the SQLite statement is generated from.</summary>
    internal static IQueryable<HubListVersion> Query(WellbeingDbContext db, string userId) =>
        db.Professionals.Where(p => p.UserId == userId)
            .SelectMany(p => p.Hubs)
            .LeftJoin(db.ClientListVersions, m => m.HubId, v => v.HubId, (m, v) => new { m.HubId, Version = v == null ? (long?)null : v.Version })
            .OrderBy(v => v.HubId)
            .Select(v => new HubListVersion(v.HubId, v.Version));

    /// <summary>Whether it holds SQLite connections of its own now (for tests).</summary>
    internal bool KeepsConnections => Volatile.Read(ref _sqlite)?.Reads is not null;

    /// <summary>Closes its connections; a read still arriving (a request during shutdown) goes through its context.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _sqlite?.Reads?.Dispose();
            _sqlite = null;
        }
    }

    // Null for an in-memory database: a connection of this reader's own could open another, empty database.
    private SqliteReads? SqliteReadsFor(WellbeingDbContext db)
    {
        var connectionString = db.Database.GetConnectionString()!;
        var target = Volatile.Read(ref _sqlite);
        if (target is null)
        {
            lock (_gate)
            {
                if (_disposed)
                {
                    return null;
                }

                target = _sqlite ??= new SqliteTarget(connectionString, SqliteProvider.IsFile(new SqliteConnectionStringBuilder(connectionString)) ? new SqliteReads(db, connectionString) : null);
            }
        }

        return target.ConnectionString == connectionString
            ? target.Reads
            : throw new InvalidOperationException("A clients list version reader serves one database; this context names another.");
    }

    private sealed record SqliteTarget(string ConnectionString, SqliteReads? Reads);

    /// <summary>The SQLite statement and the open connections it is prepared on.</summary>
    private sealed class SqliteReads : IDisposable
    {
        private readonly ObjectPool<PreparedRead> _prepared;

        public SqliteReads(WellbeingDbContext db, string connectionString)
        {
            using var generated = Query(db, userId: string.Empty).CreateDbCommand();
            var sql = generated.CommandText;
            var parameter = generated.Parameters.Cast<SqliteParameter>().Single().ParameterName;

            // A few connections: each read is synchronous (SQLite runs in the process), so no more run at once than
            // threads do; a read that finds none free opens another and closes it afterwards.
            _prepared = new DefaultObjectPoolProvider { MaximumRetained = Environment.ProcessorCount * 2 }
                .Create(new PreparedReadPolicy(connectionString, sql, parameter));
        }

        public List<HubListVersion> Read(string userId)
        {
            var read = _prepared.Get();
            while (read.Expired)
            {
                read.Dispose();
                read = _prepared.Get();
            }

            List<HubListVersion> versions;
            try
            {
                versions = read.Run(userId);
            }
            catch
            {
                // Not returned: a connection that failed mid-read is closed rather than reused.
                read.Dispose();
                throw;
            }

            _prepared.Return(read);
            return versions;
        }

        // Disposes every pooled connection (the provider's pool for disposable items does).
        public void Dispose() => (_prepared as IDisposable)?.Dispose();
    }

    private sealed class PreparedReadPolicy(string connectionString, string sql, string parameter) : IPooledObjectPolicy<PreparedRead>
    {
        public PreparedRead Create() => new(connectionString, sql, parameter);

        // One past its lifetime is not kept (the pool closes it).
        public bool Return(PreparedRead obj) => !obj.Expired;
    }

    /// <summary>An open connection with the statement prepared on it; used by one read at a time.</summary>
    private sealed class PreparedRead : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _command;
        private readonly SqliteParameter _userId;
        private readonly long _openedAt = Environment.TickCount64;

        public PreparedRead(string connectionString, string sql, string parameter)
        {
            _connection = new SqliteConnection(connectionString);
            try
            {
                _connection.Open();
                SqlitePragmaInterceptor.SetUp(_connection);
                _command = _connection.CreateCommand();
                _command.CommandText = sql;
                _userId = _command.Parameters.Add(parameter, SqliteType.Text);
                _command.Prepare();
            }
            catch
            {
                _connection.Dispose();
                throw;
            }
        }

        public bool Expired => Environment.TickCount64 - _openedAt > ConnectionLifetime.TotalMilliseconds;

        public List<HubListVersion> Run(string userId)
        {
            _userId.Value = userId;
            var versions = new List<HubListVersion>();

            // Outside a transaction each statement reads the last commit, and disposing the reader resets the
            // statement, which ends its read: an idle connection holds no snapshot and blocks no checkpoint.
            using var reader = _command.ExecuteReader();
            while (reader.Read())
            {
                versions.Add(new HubListVersion(reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetInt64(1)));
            }

            return versions;
        }

        public void Dispose()
        {
            _command.Dispose();
            _connection.Dispose();
        }
    }
}
