using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Wellbeing.Benchmarks.PeriodPublication;

/// <summary>
/// Records every command EF runs while <see cref="Recording"/> is on, with the time from execution until its reader
/// closed (the execute event alone returns at the first row, before a streaming database has read everything) and a
/// copy of its parameters, so its plan can be asked for afterwards.
/// </summary>
internal sealed class QueryLog : DbCommandInterceptor
{
    private readonly ConcurrentDictionary<Guid, long> _started = new();
    private readonly ConcurrentQueue<LoggedCommand> _commands = new();

    public bool Recording { get; set; }

    /// <summary>The commands recorded since the last call, in the order they finished.</summary>
    public IReadOnlyList<LoggedCommand> Take()
    {
        var taken = new List<LoggedCommand>();
        while (_commands.TryDequeue(out var command))
        {
            taken.Add(command);
        }

        return taken;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Start(eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        Finish(command, eventData.CommandId);
        return result;
    }

    public override ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        Finish(command, eventData.CommandId);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Start(eventData);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> NonQueryExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Finish(command, eventData.CommandId);
        return ValueTask.FromResult(result);
    }

    private void Start(CommandEventData eventData)
    {
        if (Recording)
        {
            _started[eventData.CommandId] = Stopwatch.GetTimestamp();
        }
    }

    private void Finish(DbCommand command, Guid commandId)
    {
        if (_started.TryRemove(commandId, out var started))
        {
            _commands.Enqueue(new LoggedCommand(command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(Copy)], Stopwatch.GetElapsedTime(started)));
        }
    }

    /// <summary>Npgsql's parameters clone themselves with their PostgreSQL type; SQLite's carry their storage class.</summary>
    public static DbParameter Copy(DbParameter parameter) => parameter switch
    {
        ICloneable cloneable => (DbParameter)cloneable.Clone(),
        SqliteParameter sqlite => new SqliteParameter(sqlite.ParameterName, sqlite.Value) { SqliteType = sqlite.SqliteType, DbType = sqlite.DbType },
        _ => throw new NotSupportedException($"Cannot copy a {parameter.GetType().Name}."),
    };
}

internal sealed record LoggedCommand(string Sql, IReadOnlyList<DbParameter> Parameters, TimeSpan Elapsed)
{
    public bool IsRead => Sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase);

    /// <summary>A session setting such as PostgreSQL's SET LOCAL, which the reads after it ran with.</summary>
    public bool IsSetting => Sql.TrimStart().StartsWith("SET ", StringComparison.OrdinalIgnoreCase);

    /// <summary>One line, cut to <paramref name="length"/> characters.</summary>
    public string Summary(int length = 150)
    {
        var line = string.Join(' ', Sql.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length <= length ? line : line[..length] + "...";
    }

    public DbCommand On(DbConnection connection, string prefix)
    {
        var command = connection.CreateCommand();
        command.CommandText = prefix + Sql;
        foreach (var parameter in Parameters)
        {
            command.Parameters.Add(QueryLog.Copy(parameter));
        }

        return command;
    }
}
