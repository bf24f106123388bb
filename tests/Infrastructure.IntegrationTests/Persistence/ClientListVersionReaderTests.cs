using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Wellbeing.Domain.Hubs;
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
        WellbeingDbContext Context() => SqliteTestDatabase.ContextFor(connectionString);

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

    [Fact]
    public async Task ADatabaseFileReplacedUnderIt_IsReadFromTheNewFile_WithinTheConnectionLifetime()
    {
        // An operator restoring a backup under a running node (unsupported: the node needs a restart, ADR 0010), as far
        // as this reader goes: its connections stay on the old file for at most their lifetime.
        var directory = Directory.CreateTempSubdirectory("wellbeing-versions-").FullName;
        var path = Path.Combine(directory, "wellbeing.db");
        var replaced = new SqliteTestDatabaseAt(path);
        try
        {
            await replaced.InitializeAsync();
            var (hub, userId) = await SeedAsync(replaced);
            using var reader = new ClientListVersionReader();
            var before = Assert.Single(await ReadAsync(replaced, reader, userId)).Version;

            // The backup: the log checkpointed into the file first, so the copy holds every commit.
            await using (var connection = new SqliteConnection($"Data Source={path}"))
            {
                await connection.OpenAsync();
                await using var checkpoint = connection.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
                await checkpoint.ExecuteNonQueryAsync();
            }

            File.Copy(path, Path.Combine(directory, "backup.db"));
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }

            File.Copy(Path.Combine(directory, "backup.db"), path);
            await using (var change = replaced.CreateContext())
            {
                var tracked = await change.Hubs.AsTracking().SingleAsync(h => h.Id == hub.Id);
                tracked.Describe("Renamed in the restored file", tracked.Organisation, tracked.Slug, tracked.TimeZoneId);
                await change.SaveChangesAsync();
            }

            await Task.Delay(ClientListVersionReader.ConnectionLifetime + TimeSpan.FromMilliseconds(200));

            Assert.Equal(before + 1, Assert.Single(await ReadAsync(replaced, reader, userId)).Version);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task AfterDispose_AReadGoesThroughItsContext_AndOpensNoConnectionOfItsOwn()
    {
        var reader = new ClientListVersionReader();
        var (hub, userId) = await SeedAsync(database);
        await ReadAsync(reader, userId);
        Assert.True(reader.KeepsConnections);

        reader.Dispose();

        Assert.Equal(hub.Id, Assert.Single(await ReadAsync(reader, userId)).HubId);
        Assert.False(reader.KeepsConnections);
    }

    private static async Task<(Hub Hub, string UserId)> SeedAsync(TestDatabase target)
    {
        var hub = TestData.Hub();
        var professional = TestData.Professional();
        var userId = Guid.NewGuid().ToString();
        professional.LinkAccount(userId);
        professional.JoinHub(hub.Id, TestData.Start);
        await using var setup = target.CreateContext();
        setup.AddRange(hub, professional);
        await setup.SaveChangesAsync();
        return (hub, userId);
    }

    private static async Task<IReadOnlyList<HubListVersion>> ReadAsync(TestDatabase target, ClientListVersionReader reader, string userId)
    {
        await using var context = target.CreateContext();
        return await reader.ReadAsync(context, userId, CancellationToken.None);
    }

    private Task<IReadOnlyList<HubListVersion>> ReadAsync(ClientListVersionReader reader, string userId) => ReadAsync(database, reader, userId);

    /// <summary>A database file at a path the test chooses.</summary>
    private sealed class SqliteTestDatabaseAt(string path) : TestDatabase
    {
        public override WellbeingDbContext CreateContext(params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors) =>
            SqliteTestDatabase.ContextFor($"Data Source={path}", interceptors);
    }
}
