using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Wellbeing.Application;
using Wellbeing.Application.Aggregates.Commands.RefreshAggregates;
using Wellbeing.Domain.Hubs;
using Wellbeing.Infrastructure;
using Wellbeing.Infrastructure.Aggregates;
using Wellbeing.Benchmarks.AggregateRefresh;
using Wellbeing.Infrastructure.Persistence;
using Wellbeing.Infrastructure.Persistence.Providers.Postgres;
using Wellbeing.Infrastructure.Persistence.Providers.Sqlite;
using Wellbeing.Testing.Databases;

// Times a full aggregate refresh against the bare GROUP BY over the same rows, on SQLite and PostgreSQL.
// Usage: dotnet run -c Release --project benchmarks/AggregateRefresh -- [members] [repetitions] [sqlite,postgres] [--keep folder] [--queries]
// --keep stores the SQLite file in the folder and reuses it on the next run with the same member count: the bulk
// insert of 100,000 members takes minutes on SQLite. Migrations added since are applied to the kept file on start.
// --queries prints every SQL command of the refresh with the time until its reader was closed.
var keepAt = Array.IndexOf(args, "--keep");
var keepFolder = keepAt >= 0 && keepAt + 1 < args.Length ? Path.GetFullPath(args[keepAt + 1]) : null;
var timeQueries = args.Contains("--queries");
var positional = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (keepAt < 0 || i != keepAt + 1)).ToArray();
var members = positional.Length > 0 ? int.Parse(positional[0], CultureInfo.InvariantCulture) : 100_000;
var repetitions = positional.Length > 1 ? int.Parse(positional[1], CultureInfo.InvariantCulture) : 3;
var databases = positional.Length > 2 ? positional[2].Split(',') : ["sqlite", "postgres"];
const int SubmissionsPerMember = 26; // a year at one every two weeks
string[] departments = ["Sales", "Engineering", "Operations", "Finance", "Legal", "Support", "Marketing", "People"];

var results = new List<string>();
if (databases.Contains("sqlite"))
{
    var sqliteFile = keepFolder is null
        ? Path.Combine(Path.GetTempPath(), $"aggregate-refresh-{Guid.NewGuid():N}.db")
        : Path.Combine(Directory.CreateDirectory(keepFolder).FullName, $"aggregate-refresh-{members}.db");
    try
    {
        results.Add(await RunAsync("SQLite", "Sqlite", $"Data Source={sqliteFile}"));
    }
    finally
    {
        SqliteConnection.ClearAllPools();
        if (keepFolder is null)
        {
            File.Delete(sqliteFile);
        }
    }
}

if (databases.Contains("postgres"))
{
    var cluster = new PostgresCluster();
    await cluster.InitializeAsync();
    try
    {
        // COPY of 2.6 million rows and the year-wide GROUP BYs outlast the 30-second default.
        results.Add(await RunAsync("PostgreSQL", "Postgres", await cluster.CreateDatabaseAsync("aggregate_refresh") + ";Command Timeout=0"));
    }
    finally
    {
        await cluster.DisposeAsync();
    }
}

Console.WriteLine();
Console.WriteLine($"{members:N0} members, {members * SubmissionsPerMember:N0} Wellbeing Index submissions, median of {repetitions} runs");
Console.WriteLine("| Database | Bulk insert | Bare GROUP BY | Full refresh | Ratio | Refresh, nobody new |");
Console.WriteLine("|---|---|---|---|---|---|");
results.ForEach(Console.WriteLine);

async Task<string> RunAsync(string label, string provider, string connectionString)
{
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        [Wellbeing.Infrastructure.DependencyInjection.ProviderSetting] = provider,
        [$"ConnectionStrings:{Wellbeing.Infrastructure.DependencyInjection.ConnectionStringName}"] = connectionString,
    }).Build();
    var collection = new ServiceCollection().AddLogging().AddApplication().AddInfrastructure(configuration);
    if (timeQueries)
    {
        collection.ConfigureDbContext<SqliteWellbeingDbContext>(options => options.AddInterceptors(new QueryTimer()));
        collection.ConfigureDbContext<PostgresWellbeingDbContext>(options => options.AddInterceptors(new QueryTimer()));
    }

    await using var services = collection.BuildServiceProvider();
    await services.InitialiseDatabaseAsync();

    const string Slug = "benchmark";
    Hub? hub;
    await using (var scope = services.CreateAsyncScope())
    {
        hub = await scope.ServiceProvider.GetRequiredService<WellbeingDbContext>().Hubs.SingleOrDefaultAsync(h => h.Slug == Slug);
    }

    var reused = hub is not null;
    var insert = Stopwatch.StartNew();
    if (hub is null)
    {
        var now = DateTimeOffset.UtcNow;
        hub = new Hub("Benchmark hub", Slug, "Europe/London", now.AddYears(-1));
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WellbeingDbContext>();
            db.Hubs.Add(hub);
            await db.SaveChangesAsync();
        }

        Console.WriteLine($"{label}: inserting...");
        if (provider == "Sqlite")
        {
            await InsertSqliteAsync(connectionString, hub.Id, now);
        }
        else
        {
            await InsertPostgresAsync(connectionString, hub.Id, now);
        }

        Console.WriteLine($"{label}: inserted in {insert.Elapsed.TotalSeconds:0.0} s");
    }
    else
    {
        await using var scope = services.CreateAsyncScope();
        var enrolled = await scope.ServiceProvider.GetRequiredService<WellbeingDbContext>().Members.CountAsync(m => m.HubId == hub.Id);
        if (enrolled != members)
        {
            throw new InvalidOperationException($"The kept file holds {enrolled} members, not {members} (an interrupted insert?): delete it.");
        }

        Console.WriteLine($"{label}: reusing the hub created {hub.CreatedAt:u} in the kept file");
    }

    insert.Stop();
    var inserted = reused ? "kept file" : $"{insert.Elapsed.TotalSeconds:0} s";

    var bare = new List<double>();
    var full = new List<double>();
    var held = new List<double>();
    for (var run = 0; run < repetitions; run++)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WellbeingDbContext>();
        await db.Snapshots.Where(s => s.HubId == hub.Id).ExecuteDeleteAsync();

        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT m."Department", COUNT(*), SUM(s."Score"), COUNT(DISTINCT s."MemberId")
                FROM "Submissions" s JOIN "Members" m ON m."Id" = s."MemberId"
                WHERE s."HubId" = @hub AND s."Measure" = 1
                GROUP BY m."Department"
                """;
            var parameter = command.CreateParameter();
            parameter.ParameterName = "hub";
            parameter.Value = provider == "Sqlite" ? hub.Id.ToString().ToUpperInvariant() : hub.Id;
            command.Parameters.Add(parameter);
            var watch = Stopwatch.StartNew();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
            }

            bare.Add(watch.Elapsed.TotalSeconds);
        }

        var handler = scope.ServiceProvider.GetRequiredService<RefreshAggregatesHandler>();
        var refresh = Stopwatch.StartNew();
        var result = await handler.Handle(new RefreshAggregatesCommand(hub.Id), CancellationToken.None);
        full.Add(refresh.Elapsed.TotalSeconds);
        if (result.Published.Count != 1)
        {
            throw new InvalidOperationException("The refresh did not publish a snapshot.");
        }

        // The hourly run in the common case: nobody new since the snapshot just published, so rule 5 holds it back.
        await using var next = services.CreateAsyncScope();
        var again = Stopwatch.StartNew();
        var heldResult = await next.ServiceProvider.GetRequiredService<RefreshAggregatesHandler>().Handle(new RefreshAggregatesCommand(hub.Id), CancellationToken.None);
        held.Add(again.Elapsed.TotalSeconds);
        if (heldResult.Held.Count != 1)
        {
            throw new InvalidOperationException("The refresh after it published again with nobody new.");
        }

        Console.WriteLine($"{label} run {run + 1}: bare GROUP BY {bare[^1]:0.00} s, full refresh {full[^1]:0.00} s, nothing new {held[^1]:0.00} s");
    }

    double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
    return $"| {label} | {inserted} | {Median(bare):0.00} s | {Median(full):0.00} s | {Median(full) / Median(bare):0.0}x | {Median(held):0.00} s |";
}

// Deterministic members spread over departments, each answering every 14 days for a year.
IEnumerable<(Guid Id, string Department, int Number)> Members()
{
    var random = new Random(100_000);
    for (var n = 0; n < members; n++)
    {
        yield return (new Guid(random.Next(), (short)random.Next(), (short)random.Next(), [.. Enumerable.Range(0, 8).Select(_ => (byte)random.Next(256))]), departments[n % departments.Length], n);
    }
}

IEnumerable<(Guid Id, Guid MemberId, DateTimeOffset At, int Raw)> Submissions(Guid memberId, int number, DateTimeOffset now)
{
    var random = new Random(number);
    var baseline = random.Next(6, 21);
    for (var i = 0; i < SubmissionsPerMember; i++)
    {
        // Distinct times per member, so the first and the latest are each one row.
        var at = now.AddDays(-364 + 14 * i).AddMinutes(-random.Next(1, 600));
        yield return (Guid.NewGuid(), memberId, at, Math.Clamp(baseline + random.Next(-3, 4), 0, 25));
    }
}

// What the context would have kept while these submissions were saved one by one.
ResponderSummary SummaryOf(Guid memberId, Guid hubId, IEnumerable<(Guid Id, Guid MemberId, DateTimeOffset At, int Raw)> submissions)
{
    var summary = new ResponderSummary(memberId, hubId);
    foreach (var s in submissions)
    {
        summary.Record(s.At, s.Raw * 4m);
    }

    return summary;
}

async Task InsertSqliteAsync(string connectionString, Guid hubId, DateTimeOffset now)
{
    await using var connection = new SqliteConnection(connectionString);
    await connection.OpenAsync();
    await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
    var member = Prepared(connection, transaction, """INSERT INTO "Members" ("Id","HubId","DisplayName","Email","Department","EnrolledAt","RemindersOptedOut") VALUES ($1,$2,$3,$4,$5,$6,0)""", 6);
    var submission = Prepared(connection, transaction, """INSERT INTO "Submissions" ("Id","HubId","MemberId","SurveyKey","SurveyVersion","Measure","SubmittedAt","RawScore","Score") VALUES ($1,$2,$3,'who-5',1,1,$4,$5,$6)""", 6);
    var summary = Prepared(connection, transaction, """INSERT INTO "ResponderSummaries" ("MemberId","HubId","Submissions","FirstAt","FirstScore","LatestAt","LatestScore","Version") VALUES ($1,$2,$3,$4,$5,$6,$7,$8)""", 8);
    var hub = hubId.ToString().ToUpperInvariant();
    foreach (var (id, department, number) in Members())
    {
        var memberId = id.ToString().ToUpperInvariant();
        Bind(member, memberId, hub, $"Person {number}", $"person{number}@benchmark.test", department, now.AddYears(-1).UtcTicks);
        await member.ExecuteNonQueryAsync();
        var submissions = Submissions(id, number, now).ToList();
        foreach (var s in submissions)
        {
            Bind(submission, s.Id.ToString().ToUpperInvariant(), hub, memberId, s.At.UtcTicks, (double)s.Raw, s.Raw * 4.0);
            await submission.ExecuteNonQueryAsync();
        }

        var r = SummaryOf(id, hubId, submissions);
        Bind(summary, memberId, hub, r.Submissions, r.FirstAt.UtcTicks, (double)r.FirstScore, r.LatestAt.UtcTicks, (double)r.LatestScore, r.Version);
        await summary.ExecuteNonQueryAsync();
    }

    await transaction.CommitAsync();
}

async Task InsertPostgresAsync(string connectionString, Guid hubId, DateTimeOffset now)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    var all = Members().ToList();
    await using (var writer = await connection.BeginBinaryImportAsync("""COPY "Members" ("Id","HubId","DisplayName","Email","Department","EnrolledAt","RemindersOptedOut") FROM STDIN (FORMAT BINARY)"""))
    {
        foreach (var (id, department, number) in all)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(id, NpgsqlDbType.Uuid);
            await writer.WriteAsync(hubId, NpgsqlDbType.Uuid);
            await writer.WriteAsync($"Person {number}");
            await writer.WriteAsync($"person{number}@benchmark.test");
            await writer.WriteAsync(department);
            await writer.WriteAsync(now.AddYears(-1).UtcDateTime, NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(false);
        }

        await writer.CompleteAsync();
    }

    await using (var writer = await connection.BeginBinaryImportAsync("""COPY "Submissions" ("Id","HubId","MemberId","SurveyKey","SurveyVersion","Measure","SubmittedAt","RawScore","Score") FROM STDIN (FORMAT BINARY)"""))
    {
        foreach (var (id, _, number) in all)
        {
            foreach (var s in Submissions(id, number, now))
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(s.Id, NpgsqlDbType.Uuid);
                await writer.WriteAsync(hubId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(id, NpgsqlDbType.Uuid);
                await writer.WriteAsync("who-5");
                await writer.WriteAsync(1);
                await writer.WriteAsync(1);
                await writer.WriteAsync(s.At.UtcDateTime, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync((decimal)s.Raw, NpgsqlDbType.Numeric);
                await writer.WriteAsync(s.Raw * 4m, NpgsqlDbType.Numeric);
            }
        }

        await writer.CompleteAsync();
    }

    await using (var writer = await connection.BeginBinaryImportAsync("""COPY "ResponderSummaries" ("MemberId","HubId","Submissions","FirstAt","FirstScore","LatestAt","LatestScore","Version") FROM STDIN (FORMAT BINARY)"""))
    {
        foreach (var (id, _, number) in all)
        {
            var r = SummaryOf(id, hubId, Submissions(id, number, now));
            await writer.StartRowAsync();
            await writer.WriteAsync(id, NpgsqlDbType.Uuid);
            await writer.WriteAsync(hubId, NpgsqlDbType.Uuid);
            await writer.WriteAsync(r.Submissions);
            await writer.WriteAsync(r.FirstAt.UtcDateTime, NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(r.FirstScore, NpgsqlDbType.Numeric);
            await writer.WriteAsync(r.LatestAt.UtcDateTime, NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(r.LatestScore, NpgsqlDbType.Numeric);
            await writer.WriteAsync(r.Version);
        }

        await writer.CompleteAsync();
    }

    // As a table looks after autovacuum has been by: statistics, and a visibility map for index-only scans.
    await using var analyse = new NpgsqlCommand("VACUUM ANALYZE", connection);
    await analyse.ExecuteNonQueryAsync();
}

static SqliteCommand Prepared(SqliteConnection connection, SqliteTransaction transaction, string sql, int parameters)
{
    var command = connection.CreateCommand();
    command.Transaction = transaction;
    command.CommandText = sql;
    for (var i = 1; i <= parameters; i++)
    {
        command.Parameters.Add(new SqliteParameter($"${i}", null));
    }

    command.Prepare();
    return command;
}

static void Bind(DbCommand command, params object[] values)
{
    for (var i = 0; i < values.Length; i++)
    {
        command.Parameters[i].Value = values[i];
    }
}
