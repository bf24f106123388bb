using Microsoft.EntityFrameworkCore;
using Npgsql;
using Wellbeing.Infrastructure.Persistence;
using Wellbeing.Infrastructure.Persistence.Providers.Postgres;
using Wellbeing.Testing.Databases;

namespace Wellbeing.Infrastructure.IntegrationTests.Persistence;

/// <summary>A database of its own on the throwaway PostgreSQL cluster, dropped afterwards.</summary>
public sealed class PostgresTestDatabase(PostgresCluster cluster) : TestDatabase
{
    private readonly string _connectionString =
        new NpgsqlConnectionStringBuilder(cluster.AdminConnectionString) { Database = $"wellbeing_it_{Guid.NewGuid():N}" }.ToString();

    public override WellbeingDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<PostgresWellbeingDbContext>();
        PostgresProvider.Configure(options, _connectionString);
        return new PostgresWellbeingDbContext(options.Options);
    }
}
