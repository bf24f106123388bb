using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Wellbeing.Infrastructure.Persistence.Converters;

namespace Wellbeing.Infrastructure.Persistence.Providers.Sqlite;

/// <summary>The embedded default: one file, no server, demo data on first run.</summary>
public sealed class SqliteWellbeingDbContext(DbContextOptions<SqliteWellbeingDbContext> options) : WellbeingDbContext(options)
{
    // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY.
    protected override bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteExtendedErrorCode: 2067 or 1555 };

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // Without these EF evaluates ORDER BY, comparisons and AVG over timestamps and scores on the client, or refuses.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksDateTimeOffsetConverter>();
        configurationBuilder.Properties<decimal>().HaveConversion<DecimalToDoubleConverter>();
    }

    // Microsoft.Data.Sqlite begins transactions IMMEDIATE unless asked to defer: the transaction that appends already
    // holds the file's one write lock, so no other writer can read the same last entry meanwhile.
    protected override Task SerialiseAuditAppendsAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
