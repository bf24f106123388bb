using System.Globalization;
using Microsoft.Data.Sqlite;
using Wellbeing.Benchmarks.PeriodPublication;
using Wellbeing.Infrastructure.Persistence.Providers;
using Wellbeing.Testing.Databases;

// Publishing one closed month of a large hub against the bare GROUP BY over that month's rows, on SQLite and
// PostgreSQL, in one process. Usage:
//   dotnet run -c Release --project benchmarks/PeriodPublication -- [members] [repetitions] [sqlite,postgres] [--keep folder] [--queries] [--plans]
// --keep keeps the SQLite file in the folder and reuses it on the next run with the same member count (the load takes
//   minutes; migrations added since are applied on start). PostgreSQL is always a fresh throwaway cluster.
// --queries prints each run's SQL commands with the time until their reader closed, and the time spent outside them.
// --plans prints the query plans of the bare query and the last publication's reads (EXPLAIN ANALYZE on PostgreSQL).
// --postgres <connection string> uses that database instead of a throwaway cluster (loading the hub unless it holds
//   it already), so a loaded database can be reused and examined between runs.
var keepAt = Array.IndexOf(args, "--keep");
var keepFolder = keepAt >= 0 && keepAt + 1 < args.Length ? Path.GetFullPath(args[keepAt + 1]) : null;
var postgresAt = Array.IndexOf(args, "--postgres");
var postgres = postgresAt >= 0 && postgresAt + 1 < args.Length ? args[postgresAt + 1] : null;
var positional = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (keepAt < 0 || i != keepAt + 1) && (postgresAt < 0 || i != postgresAt + 1)).ToArray();
var members = positional.Length > 0 ? int.Parse(positional[0], CultureInfo.InvariantCulture) : 100_000;
var repetitions = positional.Length > 1 ? int.Parse(positional[1], CultureInfo.InvariantCulture) : 5;
var databases = positional.Length > 2 ? positional[2].Split(',') : ["sqlite", "postgres"];

var data = new BenchmarkHub(members);
var benchmark = new PublicationBenchmark(data, repetitions, args.Contains("--queries"), args.Contains("--plans"));
var results = new List<DatabaseResult>();
if (databases.Contains("sqlite"))
{
    var file = keepFolder is null
        ? Path.Combine(Path.GetTempPath(), $"period-publication-{Guid.NewGuid():N}.db")
        : Path.Combine(Directory.CreateDirectory(keepFolder).FullName, $"period-publication-{members}.db");
    try
    {
        results.Add(await benchmark.RunAsync("SQLite", DatabaseProvider.Sqlite, $"Data Source={file}"));
    }
    finally
    {
        SqliteConnection.ClearAllPools();
        if (keepFolder is null)
        {
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }
}

if (databases.Contains("postgres") && postgres is not null)
{
    results.Add(await benchmark.RunAsync("PostgreSQL", DatabaseProvider.Postgres, postgres + ";Command Timeout=0"));
}
else if (databases.Contains("postgres"))
{
    var cluster = new PostgresCluster();
    await cluster.InitializeAsync();
    try
    {
        // COPY of 2.7 million rows and VACUUM ANALYZE outlast the 30-second default.
        results.Add(await benchmark.RunAsync("PostgreSQL", DatabaseProvider.Postgres, await cluster.CreateDatabaseAsync("period_publication") + ";Command Timeout=0"));
    }
    finally
    {
        await cluster.DisposeAsync();
    }
}

Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{members:N0} members, {data.WellbeingSubmissionCount:N0} Wellbeing Index answers and {data.AllianceSubmissionCount:N0} alliance ratings; "
    + $"publishing {BenchmarkHub.Timed.Key}; {repetitions} runs each (ratio: publication / bare GROUP BY of the same run; bold: medians)"));
Console.WriteLine("| Database | Load | Bare GROUP BY | Publication | Ratio per run | Ratio of medians | Bare GROUP BY with the publication's settings | Ratio to it |");
Console.WriteLine("|---|---|---|---|---|---|---|---|");
results.ForEach(r => Console.WriteLine(r.Row()));
foreach (var result in results)
{
    Console.WriteLine($"{result.Label}: block {result.Fingerprint}");
}

if (results.Select(r => r.Fingerprint).Distinct().Count() > 1)
{
    Console.WriteLine("The databases published different blocks for the same data.");
    return 1;
}

return 0;
