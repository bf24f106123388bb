using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

namespace Wellbeing.Infrastructure.Persistence.Providers.SqlServer;

/// <summary>The owner's production database.</summary>
public sealed class SqlServerWellbeingDbContext(DbContextOptions<SqlServerWellbeingDbContext> options) : WellbeingDbContext(options)
{
    // 2627: unique constraint or primary key; 2601: unique index.
    protected override bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is SqlException { Number: 2627 or 2601 };
}
