using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Wellbeing.Domain.Invitations;
using Wellbeing.Domain.Messaging;

namespace Wellbeing.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// The SQLite history on an empty file: every migration runs inside its transaction (EF Core's warning 20410 throws in
/// the tests' contexts, see EfWarnings), and the Invitations migration, whose rebuild of the outbox is written out by
/// hand, leaves the tables the model describes and goes back and forth.
/// </summary>
public sealed class SqliteMigrationTests : IAsyncLifetime
{
    private const string BeforeInvitations = "ClientsReadModel";
    private readonly SqliteTestDatabase _database = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task EmptyFile_IsMigrated_WithEveryMigrationInsideItsTransaction()
    {
        await using var context = _database.CreateContext();

        await context.Database.MigrateAsync();

        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
    }

    [Theory]
    [InlineData("OutboxMessages")]
    [InlineData("Invitations")]
    public async Task TheInvitationsMigration_LeavesTheTableTheModelDescribes(string name)
    {
        await using var context = _database.CreateContext();
        await context.Database.MigrateAsync();
        var table = context.Model.GetRelationalModel().FindTable(name, schema: null)!;

        var stored = await SchemaOfAsync(context.Database.GetDbConnection(), name);

        Assert.Equal(Sorted(table.Columns.Select(c => $"{c.Name} {c.StoreType} {(c.IsNullable ? "NULL" : "NOT NULL")}")), Sorted(stored.Columns));
        Assert.Equal(Sorted(table.ForeignKeyConstraints.Select(f => $"{string.Join(",", f.Columns.Select(c => c.Name))} -> {f.PrincipalTable.Name}")), Sorted(stored.ForeignKeys));
        Assert.Equal(Sorted(table.Indexes.Select(i => $"{i.Name} ({string.Join(",", i.Columns.Select(c => c.Name))}){(i.IsUnique ? " UNIQUE" : string.Empty)}")), Sorted(stored.Indexes));
    }

    [Fact]
    public async Task RevertingTheInvitationsMigration_DropsOnlyTheInvitationsEmails_AndApplyingItAgainKeepsTheRest()
    {
        await using var context = _database.CreateContext();
        await context.Database.MigrateAsync();
        var hub = TestData.Hub();
        var member = TestData.Member(hub);
        var invitation = new Invitation(hub.Id, InvitedRole.HrManager, "hr@example.org", personId: null, TestData.Start, TimeSpan.FromDays(7));
        var reminder = new OutboxMessage(hub.Id, member.Id, MessageKind.WellbeingReminder, DateOnly.FromDateTime(TestData.Start.UtcDateTime), careSessionId: null, TestData.Start, TestData.Start);
        context.AddRange(hub, member, invitation, reminder, OutboxMessage.ForInvitation(hub.Id, invitation.Id, invitation.ExpiresAt, TestData.Start));
        await context.SaveChangesAsync();

        await context.GetService<IMigrator>().MigrateAsync(BeforeInvitations);
        var reverted = await OutboxIdsAsync(context);
        await context.GetService<IMigrator>().MigrateAsync();

        Assert.Equal([reminder.Id.ToString().ToUpperInvariant()], reverted);
        Assert.Equal(reverted, await OutboxIdsAsync(context));
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
    }

    private static Task<List<string>> OutboxIdsAsync(DbContext context) =>
        context.Database.SqlQueryRaw<string>("""SELECT "Id" AS "Value" FROM "OutboxMessages" """).ToListAsync();

    /// <summary>The table as SQLite holds it: columns with type and nullability, foreign keys, and the indexes made by CREATE INDEX.</summary>
    private static async Task<(List<string> Columns, List<string> ForeignKeys, List<string> Indexes)> SchemaOfAsync(DbConnection connection, string table)
    {
        await connection.OpenAsync();
        try
        {
            var columns = await RowsAsync(connection, $"""SELECT name || ' ' || type || CASE WHEN "notnull" = 1 THEN ' NOT NULL' ELSE ' NULL' END FROM pragma_table_info('{table}')""");
            var foreignKeys = await RowsAsync(connection, $"""SELECT group_concat("from", ',') || ' -> ' || "table" FROM pragma_foreign_key_list('{table}') GROUP BY id""");
            var indexes = await RowsAsync(connection,
                $"""
                SELECT l.name || ' (' || (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) || ')'
                    || CASE WHEN l."unique" = 1 THEN ' UNIQUE' ELSE '' END
                FROM pragma_index_list('{table}') AS l WHERE l.origin = 'c'
                """);
            return (columns, foreignKeys, indexes);
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    private static async Task<List<string>> RowsAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private static List<string> Sorted(IEnumerable<string> lines) => [.. lines.Order(StringComparer.Ordinal)];
}
