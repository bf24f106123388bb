using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Wellbeing.Benchmarks.AggregateRefresh;

/// <summary>
/// Prints each query (not the snapshot's inserts) with the time from execution until its reader closed: the execute
/// event alone returns at the first row, before a streaming database has read everything. The refresh queries
/// asynchronously only. Reads count the final one that found no more rows.
/// </summary>
internal sealed class QueryTimer : DbCommandInterceptor
{
    private readonly ConcurrentDictionary<Guid, long> _started = new();

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        _started[eventData.CommandId] = Stopwatch.GetTimestamp();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        if (_started.TryRemove(eventData.CommandId, out var started) && !command.CommandText.TrimStart().StartsWith("INSERT", StringComparison.OrdinalIgnoreCase))
        {
            Console.WriteLine($"  {Stopwatch.GetElapsedTime(started).TotalSeconds,7:0.000} s  {eventData.ReadCount,7} reads  {Flatten(command.CommandText)}");
        }

        return result;
    }

    public override ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result) =>
        ValueTask.FromResult(DataReaderClosing(command, eventData, result));

    private static string Flatten(string sql)
    {
        var line = string.Join(' ', sql.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length <= 160 ? line : line[..160] + "...";
    }
}
