using System.Globalization;
using Microsoft.Data.Sqlite;
using Wellbeing.Benchmarks.WellbeingReminders;
using Wellbeing.Infrastructure.Persistence.Providers;
using Wellbeing.Testing.Databases;

// Recording the Wellbeing Index reminders of a large hub against a bare read of every member's latest index, on
// SQLite and PostgreSQL, in one process. Usage:
//   dotnet run -c Release --project benchmarks/WellbeingReminders -- [members] [repetitions] [sqlite,postgres]
var members = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var repetitions = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
var databases = args.Length > 2 ? args[2].Split(',') : ["sqlite", "postgres"];

var benchmark = new ReminderBenchmark(members, repetitions);
var rows = new List<string>();
if (databases.Contains("sqlite"))
{
    var file = Path.Combine(Path.GetTempPath(), $"wellbeing-reminders-{Guid.NewGuid():N}.db");
    try
    {
        rows.Add(await benchmark.RunAsync("SQLite", DatabaseProvider.Sqlite, $"Data Source={file}"));
    }
    finally
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }
    }
}

if (databases.Contains("postgres"))
{
    var cluster = new PostgresCluster();
    await cluster.InitializeAsync();
    try
    {
        rows.Add(await benchmark.RunAsync("PostgreSQL", DatabaseProvider.Postgres, await cluster.CreateDatabaseAsync("wellbeing_reminders") + ";Command Timeout=0"));
    }
    finally
    {
        await cluster.DisposeAsync();
    }
}

Console.WriteLine();
Console.WriteLine($"{members:N0} members; medians of {repetitions} runs (ratios of the medians; each run's own ratio is printed above)");
Console.WriteLine("| Database | Due members | Bare read | First run (records every due member) | Ratio | Next run (nothing new) | Ratio |");
Console.WriteLine("|---|---|---|---|---|---|---|");
rows.ForEach(Console.WriteLine);
