using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Wellbeing.Application;
using Wellbeing.Application.Statistics.Commands.PublishClosedPeriods;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Professionals;
using Wellbeing.Infrastructure;
using Wellbeing.Infrastructure.Persistence;
using Wellbeing.Infrastructure.Persistence.Providers;
using Wellbeing.Infrastructure.Persistence.Providers.Postgres;
using Wellbeing.Infrastructure.Persistence.Providers.Sqlite;

namespace Wellbeing.Benchmarks.PeriodPublication;

/// <summary>
/// One database's measurement: load the hub (or find it loaded), publish every month before the timed one, then per
/// repetition delete the timed month's block and time the bare GROUP BY over its rows and its publication (and, where
/// the publication's reads change session settings, the bare GROUP BY again with those settings).
/// </summary>
internal sealed class PublicationBenchmark(BenchmarkHub data, int repetitions, bool showQueries, bool showPlans)
{
    public async Task<DatabaseResult> RunAsync(string label, DatabaseProvider provider, string connectionString)
    {
        var sqlite = provider == DatabaseProvider.Sqlite;
        var clock = new SettableClock(BenchmarkHub.EarlierPeriodsClosed);
        var log = new QueryLog();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [Wellbeing.Infrastructure.DependencyInjection.ProviderSetting] = provider.ToString(),
            [$"ConnectionStrings:{Wellbeing.Infrastructure.DependencyInjection.ConnectionStringName}"] = connectionString,
        }).Build();
        var collection = new ServiceCollection().AddLogging().AddApplication().AddInfrastructure(configuration);
        collection.AddSingleton<TimeProvider>(clock);
        if (sqlite)
        {
            collection.ConfigureDbContext<SqliteWellbeingDbContext>(options => options.AddInterceptors(log));
        }
        else
        {
            collection.ConfigureDbContext<PostgresWellbeingDbContext>(options => options.AddInterceptors(log));
        }

        await using var services = collection.BuildServiceProvider();
        await services.MigrateDatabaseAsync();

        var (hubId, loaded) = await LoadAsync(services, label, provider, connectionString);

        // Every month before the timed one is published once, for real, so that exactly one period is closed and
        // unpublished when the clock moves past the timed month's end (and HR would have a year of blocks).
        var earlier = Stopwatch.StartNew();
        var earlierOutcomes = await PublishAsync(services, hubId);
        if (earlierOutcomes.Count > 0)
        {
            Console.WriteLine($"{label}: published the {earlierOutcomes.Count} months before {BenchmarkHub.Timed.Key} in {earlier.Elapsed.TotalSeconds:0.0} s");
        }

        clock.Now = BenchmarkHub.TimedPeriodClosed;
        var bare = new List<TimeSpan>();
        var bareWithSettings = new List<TimeSpan>();
        var publication = new List<TimeSpan>();
        var fingerprints = new HashSet<string>();
        IReadOnlyList<LoggedCommand> lastPublication = [];
        for (var run = 1; run <= repetitions; run++)
        {
            await DeleteTimedBlockAsync(services, hubId);

            // Alternate which goes first, so neither always finds the other's pages in the cache.
            if (run % 2 == 1)
            {
                bare.Add(await BareGroupByAsync(services, sqlite, hubId));
                (var elapsed, lastPublication) = await TimedPublicationAsync(services, log, hubId);
                publication.Add(elapsed);
            }
            else
            {
                (var elapsed, lastPublication) = await TimedPublicationAsync(services, log, hubId);
                publication.Add(elapsed);
                bare.Add(await BareGroupByAsync(services, sqlite, hubId));
            }

            // The floor again with the session settings the publication's reads ran with (PostgreSQL's work_mem), so
            // the ratio can be read both ways: against the server's defaults, and with the same memory.
            var settings = lastPublication.Where(c => c.IsSetting).ToList();
            if (settings.Count > 0)
            {
                bareWithSettings.Add(await BareGroupByAsync(services, sqlite, hubId, settings));
            }

            fingerprints.Add(await FingerprintAsync(services, hubId));
            var withSettings = settings.Count == 0
                ? string.Empty
                : string.Create(CultureInfo.InvariantCulture, $"; bare GROUP BY with the publication's settings {bareWithSettings[^1].TotalSeconds:0.000} s, ratio {publication[^1] / bareWithSettings[^1]:0.00}x");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label} run {run}: bare GROUP BY {bare[^1].TotalSeconds:0.000} s, publication {publication[^1].TotalSeconds:0.000} s, ratio {publication[^1] / bare[^1]:0.00}x{withSettings}"));
            if (showQueries)
            {
                PrintBreakdown(lastPublication, publication[^1]);
            }
        }

        if (fingerprints.Count != 1)
        {
            throw new InvalidOperationException($"{label}: the timed month's block differed between runs.");
        }

        if (showPlans)
        {
            await PrintPlansAsync(services, sqlite, [BareCommand(sqlite, hubId)], []);
            await PrintPlansAsync(services, sqlite, [.. lastPublication.Where(c => c.IsRead)], [.. lastPublication.Where(c => c.IsSetting)]);
        }

        return new DatabaseResult(label, loaded, bare, bareWithSettings, publication, fingerprints.Single());
    }

    /// <summary>The hub in the database, loaded now unless a kept SQLite file or a given PostgreSQL database already holds it.</summary>
    private async Task<(Guid HubId, TimeSpan? Loaded)> LoadAsync(IServiceProvider services, string label, DatabaseProvider provider, string connectionString)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WellbeingDbContext>();
        if (await db.Hubs.SingleOrDefaultAsync(h => h.Slug == BenchmarkHub.Slug) is { } kept)
        {
            var members = await db.Members.CountAsync(m => m.HubId == kept.Id);
            if (members != data.MemberCount)
            {
                throw new InvalidOperationException($"The kept database holds {members} members, not {data.MemberCount} (an interrupted load?): delete it.");
            }

            Console.WriteLine($"{label}: reusing the loaded hub");
            return (kept.Id, null);
        }

        var watch = Stopwatch.StartNew();
        var hub = new Hub("Benchmark hub", "Benchmark organisation", BenchmarkHub.Slug, BenchmarkHub.TimeZone, BenchmarkHub.CreatedAt);
        var professionals = Enumerable.Range(0, BenchmarkHub.Professionals)
            .Select(i => new Professional($"Professional {i}", $"professional{i}@benchmark.test", "Counsellor"))
            .ToList();
        db.Hubs.Add(hub);
        db.Professionals.AddRange(professionals);
        await db.SaveChangesAsync();

        Console.WriteLine($"{label}: loading {data.MemberCount:N0} members, {data.WellbeingSubmissionCount:N0} Wellbeing Index answers, {data.AllianceSubmissionCount:N0} alliance ratings...");
        var ids = professionals.ConvertAll(p => p.Id);
        if (provider == DatabaseProvider.Sqlite)
        {
            await BulkLoad.SqliteAsync(connectionString, data, hub.Id, ids);
        }
        else
        {
            await BulkLoad.PostgresAsync(connectionString, data, hub.Id, ids);
        }

        Console.WriteLine($"{label}: loaded in {watch.Elapsed.TotalSeconds:0} s");
        return (hub.Id, watch.Elapsed);
    }

    private static async Task<IReadOnlyList<PublicationOutcome>> PublishAsync(IServiceProvider services, Guid hubId)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PublishClosedPeriodsHandler>().Handle(new PublishClosedPeriodsCommand(hubId), CancellationToken.None);
    }

    /// <summary>The handler as the hourly job calls it, in a scope of its own (resolved before the clock starts).</summary>
    private static async Task<(TimeSpan Elapsed, IReadOnlyList<LoggedCommand> Commands)> TimedPublicationAsync(IServiceProvider services, QueryLog log, Guid hubId)
    {
        await using var scope = services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<PublishClosedPeriodsHandler>();
        log.Take();
        log.Recording = true;
        var watch = Stopwatch.StartNew();
        var outcomes = await handler.Handle(new PublishClosedPeriodsCommand(hubId), CancellationToken.None);
        var elapsed = watch.Elapsed;
        log.Recording = false;
        if (outcomes is not [{ Result: PublicationResult.Published } outcome] || outcome.Period != BenchmarkHub.Timed.Key)
        {
            throw new InvalidOperationException($"Expected {BenchmarkHub.Timed.Key} published alone, got: {string.Join(", ", outcomes)}");
        }

        return (elapsed, log.Take());
    }

    /// <param name="settings">Session settings to make first, in a transaction that is rolled back afterwards.</param>
    private static async Task<TimeSpan> BareGroupByAsync(IServiceProvider services, bool sqlite, Guid hubId, IReadOnlyList<LoggedCommand>? settings = null)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WellbeingDbContext>();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        await using var transaction = settings is null ? null : await connection.BeginTransactionAsync();
        foreach (var setting in settings ?? [])
        {
            await using var set = setting.On(connection, string.Empty);
            set.Transaction = transaction;
            await set.ExecuteNonQueryAsync();
        }

        await using var command = BareCommand(sqlite, hubId).On(connection, string.Empty);
        command.Transaction = transaction;
        var watch = Stopwatch.StartNew();
        await using var reader = await command.ExecuteReaderAsync();
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
        }

        return watch.Elapsed;
    }

    /// <summary>
    /// The floor: the one GROUP BY any publication of the month must at least do, over the month's Wellbeing Index rows
    /// and their members. Parameters in each database's stored form (SQLite: upper-case TEXT ids and UTC ticks).
    /// </summary>
    private static LoggedCommand BareCommand(bool sqlite, Guid hubId)
    {
        const string Sql = """
            SELECT m."Department", COUNT(*), SUM(s."Score"), COUNT(DISTINCT s."MemberId")
            FROM "Submissions" s JOIN "Members" m ON m."Id" = s."MemberId"
            WHERE s."HubId" = @hub AND s."Measure" = 1 AND s."SubmittedAt" >= @start AND s."SubmittedAt" < @end
            GROUP BY m."Department"
            """;
        var period = BenchmarkHub.Timed;
        DbParameter[] parameters = sqlite
            ? [new SqliteParameter("@hub", BulkLoad.Text(hubId)), new SqliteParameter("@start", period.Start.UtcTicks), new SqliteParameter("@end", period.End.UtcTicks)]
            :
            [
                new NpgsqlParameter("hub", NpgsqlDbType.Uuid) { Value = hubId },
                new NpgsqlParameter("start", NpgsqlDbType.TimestampTz) { Value = period.Start.UtcDateTime },
                new NpgsqlParameter("end", NpgsqlDbType.TimestampTz) { Value = period.End.UtcDateTime },
            ];
        return new LoggedCommand(Sql, parameters, TimeSpan.Zero);
    }

    private static async Task DeleteTimedBlockAsync(IServiceProvider services, Guid hubId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WellbeingDbContext>();
        if (await db.PeriodBlocks.SingleOrDefaultAsync(b => b.HubId == hubId && b.PeriodStart == BenchmarkHub.Timed.Start) is { } block)
        {
            db.PeriodBlocks.Remove(block);
            await db.SaveChangesAsync();
        }
    }

    /// <summary>A hash of the published cells, to show every run (and both databases) published the same block.</summary>
    private static async Task<string> FingerprintAsync(IServiceProvider services, Guid hubId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WellbeingDbContext>();
        var block = await db.PeriodBlocks.AsNoTracking().SingleAsync(b => b.HubId == hubId && b.PeriodStart == BenchmarkHub.Timed.Start);
        var cells = block.Cells
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Metric}|{c.Scope.Department}|{c.Category}|{c.Value:0.####}|{c.People}"))
            .Order(StringComparer.Ordinal);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', cells))))[..12].ToLowerInvariant()
            + $" ({block.Cells.Count} cells, {block.Cells.Count(c => c.Value is null)} hidden)";
    }

    private static void PrintBreakdown(IReadOnlyList<LoggedCommand> commands, TimeSpan total)
    {
        foreach (var read in commands.Where(c => c.IsRead || c.IsSetting))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {read.Elapsed.TotalSeconds,7:0.000} s  {read.Summary()}"));
        }

        var writes = commands.Where(c => !c.IsRead && !c.IsSetting).ToList();
        var writing = TimeSpan.FromTicks(writes.Sum(c => c.Elapsed.Ticks));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {writing.TotalSeconds,7:0.000} s  saving the block ({writes.Count} commands)"));
        var rest = total - TimeSpan.FromTicks(commands.Sum(c => c.Elapsed.Ticks));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {rest.TotalSeconds,7:0.000} s  outside the database (privacy rules, composing, EF)"));
    }

    /// <summary>
    /// SQLite: EXPLAIN QUERY PLAN through the bundled library; PostgreSQL: EXPLAIN (ANALYZE, BUFFERS). The queries run in
    /// a transaction after the settings their own run made (SET LOCAL), then it is rolled back.
    /// </summary>
    private static async Task PrintPlansAsync(IServiceProvider services, bool sqlite, IReadOnlyList<LoggedCommand> commands, IReadOnlyList<LoggedCommand> settings)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WellbeingDbContext>();
        await db.Database.OpenConnectionAsync();
        await using var transaction = await db.Database.GetDbConnection().BeginTransactionAsync();
        foreach (var setting in settings)
        {
            Console.WriteLine();
            Console.WriteLine(setting.Sql);
            await using var command = setting.On(db.Database.GetDbConnection(), string.Empty);
            command.Transaction = transaction;
            await command.ExecuteNonQueryAsync();
        }

        foreach (var query in commands)
        {
            Console.WriteLine();
            Console.WriteLine(query.Sql);
            await using var explain = query.On(db.Database.GetDbConnection(), sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN (ANALYZE, BUFFERS) ");
            explain.Transaction = transaction;
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                // SQLite's rows are (id, parent, notused, detail); PostgreSQL's are one line of text each.
                Console.WriteLine(sqlite ? $"  {reader.GetInt32(1),3} -> {reader.GetInt32(0),3}  {reader.GetString(3)}" : $"  {reader.GetString(0)}");
            }
        }
    }
}

/// <param name="Loaded">How long loading took; null when a kept database was reused.</param>
/// <param name="BareWithSettings">The floor with the publication's session settings; empty where it made none (SQLite).</param>
internal sealed record DatabaseResult(
    string Label, TimeSpan? Loaded, IReadOnlyList<TimeSpan> Bare, IReadOnlyList<TimeSpan> BareWithSettings, IReadOnlyList<TimeSpan> Publication, string Fingerprint)
{
    public static TimeSpan Median(IReadOnlyList<TimeSpan> values) => values.Order().ElementAt(values.Count / 2);

    public string Row()
    {
        var withSettings = BareWithSettings.Count == 0
            ? "- | - |"
            : string.Create(CultureInfo.InvariantCulture, $"{Seconds(BareWithSettings)} | {Ratios(BareWithSettings)}, median **{Median(Publication) / Median(BareWithSettings):0.00}x** |");
        return string.Create(CultureInfo.InvariantCulture,
            $"| {Label} | {(Loaded is { } l ? $"{l.TotalSeconds:0} s" : "kept")} | {Seconds(Bare)} | {Seconds(Publication)} | {Ratios(Bare)} | **{Median(Publication) / Median(Bare):0.00}x** | {withSettings}");
    }

    private string Ratios(IReadOnlyList<TimeSpan> floor) =>
        string.Join(" / ", floor.Zip(Publication, (b, p) => (p / b).ToString("0.00", CultureInfo.InvariantCulture) + "x"));

    private static string Seconds(IReadOnlyList<TimeSpan> values) =>
        string.Create(CultureInfo.InvariantCulture, $"{string.Join(" / ", values.Select(v => v.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)))} s (median {Median(values).TotalSeconds:0.00})");
}

/// <summary>A clock the benchmark moves: the handler decides which periods are closed from it.</summary>
internal sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
