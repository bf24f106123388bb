using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Domain.Messaging;
using Wellbeing.Infrastructure.Persistence;

namespace Wellbeing.Infrastructure.Messaging;

/// <summary>
/// Multi-row INSERTs in one transaction that skip a duplicate <see cref="OutboxMessage.DeduplicationKey"/> inside the
/// statement: <c>ON CONFLICT DO NOTHING</c> on SQLite and PostgreSQL, <c>INSERT ... SELECT ... WHERE NOT EXISTS</c>
/// under a key-range lock (UPDLOCK, HOLDLOCK) on SQL Server. EF Core's SaveChanges would fail the whole batch on
/// another run's row, and a read before writing would not see a row another run has not committed yet. Columns, table
/// and value conversions come from the EF model, so the SQL follows the entity's mapping.
/// </summary>
internal sealed class EfOutboxWriter(WellbeingDbContext db) : IOutboxWriter
{
    public async Task<int> AddMissingAsync(IReadOnlyCollection<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return 0;
        }

        var entity = db.Model.FindEntityType(typeof(OutboxMessage)) ?? throw new InvalidOperationException("OutboxMessage is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var statement = new Statement(
            sql.DelimitIdentifier(table.Name, table.Schema),
            properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)).ToList(),
            sql.DelimitIdentifier(entity.FindProperty(nameof(OutboxMessage.DeduplicationKey))!.GetColumnName(table)!),
            db.Database.IsSqlServer());

        var added = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        foreach (var chunk in messages.Chunk(RowsPerStatement(properties.Count)))
        {
            // The same text for every full chunk, so SQLite reuses the statement it prepared for the first one.
            command.CommandText = statement.For(chunk.Length, i => sql.GenerateParameterNamePlaceholder($"p{i}"));
            command.Parameters.Clear();
            foreach (var message in chunk)
            {
                foreach (var property in properties)
                {
                    command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(
                        command, $"p{command.Parameters.Count}", property.GetGetter().GetClrValue(message), property.IsNullable));
                }
            }

            added += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    /// <summary>
    /// On SQLite (in process, no round trip) binding costs more than the square of a statement's parameters (5,774 rows
    /// took 0.6 s one row a statement, 0.8 s ten, 2.5 s forty, on the busy benchmark machine), so one row a statement,
    /// prepared once and reused. PostgreSQL takes large statements, which save round trips; SQL Server at most 2,100
    /// parameters.
    /// </summary>
    private int RowsPerStatement(int columns) =>
        db.Database.IsSqlite() ? 1 : db.Database.IsNpgsql() ? 500 : 2_000 / columns;

    private sealed record Statement(string Table, IReadOnlyList<string> Columns, string KeyColumn, bool SqlServer)
    {
        public string For(int rows, Func<int, string> parameter)
        {
            var values = string.Join(", ", Enumerable.Range(0, rows).Select(r => $"({string.Join(", ", Columns.Select((_, c) => parameter((r * Columns.Count) + c)))})"));
            var columns = string.Join(", ", Columns);

            // HOLDLOCK keeps the range of each absent key locked until the transaction ends, so a concurrent run waits
            // and then finds the row rather than inserting it too.
            return SqlServer
                ? $"INSERT INTO {Table} ({columns}) SELECT {string.Join(", ", Columns.Select(c => "v." + c))} FROM (VALUES {values}) AS v ({columns}) " +
                  $"WHERE NOT EXISTS (SELECT 1 FROM {Table} AS t WITH (UPDLOCK, HOLDLOCK) WHERE t.{KeyColumn} = v.{KeyColumn})"
                : $"INSERT INTO {Table} ({columns}) VALUES {values} ON CONFLICT ({KeyColumn}) DO NOTHING";
        }
    }
}
