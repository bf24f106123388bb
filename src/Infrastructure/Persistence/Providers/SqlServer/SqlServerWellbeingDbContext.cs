using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

namespace Wellbeing.Infrastructure.Persistence.Providers.SqlServer;

/// <summary>The owner's production database.</summary>
public sealed class SqlServerWellbeingDbContext(DbContextOptions<SqlServerWellbeingDbContext> options) : WellbeingDbContext(options)
{
    // 2627: unique constraint or primary key; 2601: unique index.
    protected override bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is SqlException { Number: 2627 or 2601 };

    // An application lock owned by the transaction: released at commit or rollback. Waits as long as the command may.
    protected override Task SerialiseAuditAppendsAsync(CancellationToken cancellationToken) =>
        Database.ExecuteSqlRawAsync(
            $"""
             DECLARE @result int;
             EXEC @result = sp_getapplock @Resource = N'{DatabaseLock.AuditLogResource}', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = -1;
             IF @result < 0 THROW 51000, N'Could not lock the audit log.', 1;
             """,
            cancellationToken);
}
