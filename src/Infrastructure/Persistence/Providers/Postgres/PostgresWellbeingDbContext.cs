using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Wellbeing.Infrastructure.Persistence.Providers.Postgres;

/// <summary>The alternative production database.</summary>
public sealed class PostgresWellbeingDbContext(DbContextOptions<PostgresWellbeingDbContext> options) : WellbeingDbContext(options)
{
    protected override bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    // A transaction-level advisory lock: released at commit or rollback, so a failed request cannot leave it behind.
    protected override Task SerialiseAuditAppendsAsync(CancellationToken cancellationToken) =>
        Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({DatabaseLock.AuditLogKey})", cancellationToken);
}
