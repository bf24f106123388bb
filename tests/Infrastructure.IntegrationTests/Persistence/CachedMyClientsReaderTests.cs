using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Wellbeing.Application.Professionals.Queries.GetMyClients;
using Wellbeing.Domain.Professionals;
using Wellbeing.Infrastructure.Persistence.ReadModels;

namespace Wellbeing.Infrastructure.IntegrationTests.Persistence;

/// <summary>The order of <see cref="CachedMyClientsReader"/>'s two reads, which keeps a cached list from ever being older than its key.</summary>
public sealed class CachedMyClientsReaderTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    [Fact]
    public async Task ASaveCommittedRightAfterTheListWasRead_IsSeenByTheNextRequest()
    {
        var hub = TestData.Hub();
        var member = TestData.Member(hub, "Client One");
        var professional = TestData.Professional();
        var userId = Guid.NewGuid().ToString();
        professional.LinkAccount(userId);
        professional.JoinHub(hub.Id, TestData.Start);
        await using (var setup = database.CreateContext())
        {
            setup.AddRange(hub, member, professional, new ClientConnection(hub.Id, member.Id, professional.Id, TestData.Start));
            await setup.SaveChangesAsync();
        }

        using var versions = new ClientListVersionReader();
        using var cache = new ClientListCache();
        var filter = new MyClientsFilter(userId, null, 0, 25);
        var deactivation = new AfterTheListIsRead(async () =>
        {
            await using var change = database.CreateContext();
            (await change.Members.AsTracking().SingleAsync(m => m.Id == member.Id)).Deactivate(TestData.Start.AddDays(1));
            await change.SaveChangesAsync();
        });
        await using (var racing = database.CreateContext(deactivation))
        {
            // Read before the deactivation: had the versions been read after the list, this slice would be stored under
            // the version the deactivation raised, and served on.
            Assert.Single((await new CachedMyClientsReader(racing, new MyClientsReader(racing), cache, versions).ReadAsync(filter, CancellationToken.None)).Rows);
        }

        await using var next = database.CreateContext();
        var after = await new CachedMyClientsReader(next, new MyClientsReader(next), cache, versions).ReadAsync(filter, CancellationToken.None);

        Assert.True(deactivation.Done);
        Assert.Empty(after.Rows);
    }

    /// <summary>Commits another save once, right after the list's statement has run.</summary>
    private sealed class AfterTheListIsRead(Func<Task> save) : DbCommandInterceptor
    {
        public bool Done { get; private set; }

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (!Done && command.CommandText.Contains("\"Members\"", StringComparison.Ordinal))
            {
                Done = true;
                await save();
            }

            return result;
        }
    }
}
