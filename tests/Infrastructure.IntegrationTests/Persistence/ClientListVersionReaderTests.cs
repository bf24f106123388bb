using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Wellbeing.Infrastructure.Persistence;
using Wellbeing.Infrastructure.Persistence.Providers.Sqlite;
using Wellbeing.Infrastructure.Persistence.ReadModels;

namespace Wellbeing.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// <see cref="ClientListVersionReader"/>'s own SQLite connections (its values against the query are checked after
/// every save of <see cref="SqliteClientListCacheTests"/>).
/// </summary>
public sealed class ClientListVersionReaderTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    [Fact]
    public async Task ItsIdleConnections_HoldNoReadSnapshot_SoEachReadSeesTheLastCommit_AndACheckpointEmptiesTheLog()
    {
        using var reader = new ClientListVersionReader();
        var hub = TestData.Hub();
        var professional = TestData.Professional();
        var userId = Guid.NewGuid().ToString();
        professional.LinkAccount(userId);
        professional.JoinHub(hub.Id, TestData.Start);
        await using (var setup = database.CreateContext())
        {
            setup.AddRange(hub, professional);
            await setup.SaveChangesAsync();
        }

        var before = await ReadAsync(reader, userId);
        await using (var change = database.CreateContext())
        {
            var tracked = await change.Hubs.AsTracking().SingleAsync(h => h.Id == hub.Id);
            tracked.Describe("Renamed", tracked.Organisation, tracked.Slug, tracked.TimeZoneId);
            await change.SaveChangesAsync();
        }

        var after = await ReadAsync(reader, userId);

        Assert.Equal(hub.Id, Assert.Single(before).HubId);
        Assert.Equal(Assert.Single(before).Version + 1, Assert.Single(after).Version);

        // A connection still inside a read would keep the log from being emptied (busy = 1).
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await using var result = await checkpoint.ExecuteReaderAsync();
        Assert.True(await result.ReadAsync());
        Assert.Equal((0L, 0L), (result.GetInt64(0), result.GetInt64(1)));
    }

    [Fact]
    public async Task OneReader_ServesOneDatabase_AndRefusesAContextOfAnother()
    {
        using var reader = new ClientListVersionReader();
        await ReadAsync(reader, "nobody");
        var other = new SqliteTestDatabase();
        await other.InitializeAsync();
        try
        {
            await using var context = other.CreateContext();

            await Assert.ThrowsAsync<InvalidOperationException>(async () => await reader.ReadAsync(context, "nobody", CancellationToken.None));
        }
        finally
        {
            await other.DisposeAsync();
        }
    }

    [Fact]
    public async Task AnInMemoryDatabase_IsReadThroughTheContext_AndGivesItsVersions()
    {
        // A named shared in-memory database lives while one connection to it is open.
        var connectionString = $"Data Source=versions-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        await using var keepAlive = new SqliteConnection(connectionString);
        await keepAlive.OpenAsync();
        WellbeingDbContext Context()
        {
            var options = new DbContextOptionsBuilder<SqliteWellbeingDbContext>();
            SqliteProvider.Configure(options.ThrowOnFaults(), connectionString);
            return new SqliteWellbeingDbContext(options.Options);
        }

        var (hub, userId) = (TestData.Hub(), Guid.NewGuid().ToString());
        var professional = TestData.Professional();
        professional.LinkAccount(userId);
        professional.JoinHub(hub.Id, TestData.Start);
        await using (var setup = Context())
        {
            await setup.Database.MigrateAsync();
            setup.AddRange(hub, professional);
            await setup.SaveChangesAsync();
        }

        using var reader = new ClientListVersionReader();
        await using var context = Context();

        Assert.Equal(hub.Id, Assert.Single(await reader.ReadAsync(context, userId, CancellationToken.None)).HubId);
    }

    private async Task<IReadOnlyList<HubListVersion>> ReadAsync(ClientListVersionReader reader, string userId)
    {
        await using var context = database.CreateContext();
        return await reader.ReadAsync(context, userId, CancellationToken.None);
    }
}
