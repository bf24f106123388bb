using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Wellbeing.Infrastructure.Persistence.Providers.Postgres;

/// <summary>The alternative production database.</summary>
public sealed class PostgresWellbeingDbContext(DbContextOptions<PostgresWellbeingDbContext> options) : WellbeingDbContext(options)
{
    protected override bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
