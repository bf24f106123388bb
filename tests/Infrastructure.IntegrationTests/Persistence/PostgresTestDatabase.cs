using Microsoft.EntityFrameworkCore;
using Npgsql;
using Wellbeing.Infrastructure.Persistence;
using Wellbeing.Infrastructure.Persistence.Providers.Postgres;

namespace Wellbeing.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// A database of its own on the server named by WELLBEING_TEST_POSTGRES, dropped afterwards. A missing variable
/// fails the tests rather than skipping them, so a green run always means PostgreSQL was exercised.
/// </summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    public const string ServerVariable = "WELLBEING_TEST_POSTGRES";

    private readonly string _connectionString;

    public PostgresTestDatabase()
    {
        var server = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"Set {ServerVariable} to a connection string of a PostgreSQL server these tests may create databases on, "
                + "e.g. Host=127.0.0.1;Port=55432;Username=postgres.");
        }

        _connectionString = new NpgsqlConnectionStringBuilder(server) { Database = $"wellbeing_it_{Guid.NewGuid():N}" }.ToString();
    }

    public override WellbeingDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<PostgresWellbeingDbContext>();
        PostgresProvider.Configure(options, _connectionString);
        return new PostgresWellbeingDbContext(options.Options);
    }
}
