using Npgsql;
using Wellbeing.Testing.Databases;

namespace Wellbeing.Infrastructure.IntegrationTests.Databases;

[Collection(PostgresCollection.Name)]
public sealed class PostgresClusterTests(PostgresCluster cluster)
{
    [Fact]
    public async Task CreatedDatabase_AcceptsConnections()
    {
        var connectionString = await cluster.CreateDatabaseAsync("cluster_smoke");

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select version()", connection);
        var version = (string?)await command.ExecuteScalarAsync();

        Assert.Contains("PostgreSQL", version);
        Assert.Equal("cluster_smoke", connection.Database);
    }
}
