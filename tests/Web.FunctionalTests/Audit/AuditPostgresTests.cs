using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wellbeing.Application.Auditing.Queries.VerifyAuditLog;
using Wellbeing.Domain.Auditing;
using Wellbeing.Infrastructure.Persistence.Providers;
using Wellbeing.Testing;
using Wellbeing.Testing.Databases;
using Wellbeing.Web.FunctionalTests.Databases;

namespace Wellbeing.Web.FunctionalTests.Audit;

/// <summary>
/// The audit log's appends on PostgreSQL, where writers really do run at once (SQLite takes them one at a time): without
/// the advisory lock two writers read the same last entry, and the unique sequence refuses the second as a conflict.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class AuditPostgresTests(PostgresCluster cluster)
{
    [Fact]
    public async Task ManyWritersAtOnce_OnPostgres_AppendOneChainThatVerifies()
    {
        await using var app = new WellbeingAppFactory
        {
            DatabaseProvider = DatabaseProvider.Postgres,
            ConnectionString = await cluster.CreateDatabaseAsync($"audit_{Guid.NewGuid():N}"),
            DemoDataEnabled = false,
        };

        await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(() => app.RecordAsync(AuditAction.DataExported, null, $"concurrent-{i}"))));

        var sequences = await app.QueryAsync(db => db.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync());
        Assert.Equal(Enumerable.Range(1, 32).Select(i => (long)i), sequences);
        await using var scope = app.Services.CreateAsyncScope();
        var verified = await scope.ServiceProvider.GetRequiredService<VerifyAuditLogHandler>().Handle(new VerifyAuditLogQuery(), CancellationToken.None);
        Assert.Null(verified.Break);
        Assert.Equal(32, verified.Entries);
    }
}
