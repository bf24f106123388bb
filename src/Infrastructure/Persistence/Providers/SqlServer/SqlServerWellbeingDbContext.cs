using Microsoft.EntityFrameworkCore;

namespace Wellbeing.Infrastructure.Persistence.Providers.SqlServer;

/// <summary>The owner's production database.</summary>
public sealed class SqlServerWellbeingDbContext(DbContextOptions<SqlServerWellbeingDbContext> options) : WellbeingDbContext(options);
