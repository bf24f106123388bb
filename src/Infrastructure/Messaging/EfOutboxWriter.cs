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
/// Multi-row INSERTs that skip a duplicate <see cref="OutboxMessage.DeduplicationKey"/> inside the statement:
/// <c>ON CONFLICT DO NOTHING</c> on SQLite and PostgreSQL, <c>INSERT ... SELECT ... WHERE NOT EXISTS</c> under a
/// key-range lock (UPDLOCK, HOLDLOCK) on SQL Server. EF Core's SaveChanges would fail the whole batch on another
/// run's row. Columns, table and value conversions come from the EF model, so the SQL follows the entity's mapping.
/// Each statement commits on its own: a run that stops halfway leaves whole messages, and the next run adds the rest.
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
            sql.DelimitIdentifier(entity.FindProperty(nameof(OutboxMessage.DeduplicationKey))!.GetColumnName(table)!));

        await using var factory = db.Database.GetDbConnection().CreateCommand();
        var added = 0;
        foreach (var chunk in messages.Chunk(MaxParameters() / properties.Count))
        {
            var parameters = new List<DbParameter>(chunk.Length * properties.Count);
            var rows = new List<string>(chunk.Length);
            foreach (var message in chunk)
            {
                var placeholders = new List<string>(properties.Count);
                foreach (var property in properties)
                {
                    var name = $"p{parameters.Count}";
                    parameters.Add(property.GetRelationalTypeMapping().CreateParameter(factory, name, property.GetGetter().GetClrValue(message), property.IsNullable));
                    placeholders.Add(sql.GenerateParameterNamePlaceholder(name));
                }

                rows.Add($"({string.Join(", ", placeholders)})");
            }

            added += await db.Database.ExecuteSqlRawAsync(db.Database.IsSqlServer() ? statement.SqlServer(rows) : statement.OnConflict(rows), parameters, cancellationToken);
        }

        return added;
    }

    /// <summary>Bound parameters per statement each engine accepts (SQLite's default since 3.32; Npgsql's; SQL Server's 2,100 less its own).</summary>
    private int MaxParameters() =>
        db.Database.IsSqlite() ? 32_766 : db.Database.IsNpgsql() ? 65_535 : 2_000;

    private sealed record Statement(string Table, IReadOnlyList<string> Columns, string KeyColumn)
    {
        private string ColumnList => string.Join(", ", Columns);

        public string OnConflict(IEnumerable<string> rows) =>
            $"INSERT INTO {Table} ({ColumnList}) VALUES {string.Join(", ", rows)} ON CONFLICT ({KeyColumn}) DO NOTHING";

        // HOLDLOCK keeps the range of each absent key locked until the statement ends, so a concurrent run waits and
        // then finds the row rather than inserting it too.
        public string SqlServer(IEnumerable<string> rows) =>
            $"INSERT INTO {Table} ({ColumnList}) SELECT {string.Join(", ", Columns.Select(c => "v." + c))} FROM (VALUES {string.Join(", ", rows)}) AS v ({ColumnList}) " +
            $"WHERE NOT EXISTS (SELECT 1 FROM {Table} AS t WITH (UPDLOCK, HOLDLOCK) WHERE t.{KeyColumn} = v.{KeyColumn})";
    }
}
