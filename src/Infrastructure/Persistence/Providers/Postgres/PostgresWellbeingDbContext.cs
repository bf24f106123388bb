using Microsoft.EntityFrameworkCore;

namespace Wellbeing.Infrastructure.Persistence.Providers.Postgres;

/// <summary>The alternative production database.</summary>
public sealed class PostgresWellbeingDbContext(DbContextOptions<PostgresWellbeingDbContext> options) : WellbeingDbContext(options);
