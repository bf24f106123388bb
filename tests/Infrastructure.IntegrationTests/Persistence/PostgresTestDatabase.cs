using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
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

    /// <summary>
    /// It needs the collection's cluster to be made, and xunit 2 cannot give a collection fixture to a class fixture, so
    /// each test makes its own (a database on a running cluster is quick to create).
    /// </summary>
    public override bool OwnedByEachTest => true;

    public override WellbeingDbContext CreateContext(params IInterceptor[] interceptors)
    {
        var options = new DbContextOptionsBuilder<PostgresWellbeingDbContext>();
        PostgresProvider.Configure(options.ThrowOnFaults(), _connectionString);
        return new PostgresWellbeingDbContext(options.AddInterceptors(interceptors).Options);
    }
}
