using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wellbeing.Application;
using Wellbeing.Application.Administration.MemberImports;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Members;
using Wellbeing.Infrastructure;
using Wellbeing.Infrastructure.Persistence;

namespace Wellbeing.Benchmarks.MemberImport;

/// <summary>
/// A 100,000-row member file imported into an empty hub on SQLite, as the job does it (plan, then one save per chunk of
/// 1,000 rows with the progress), against the floor: a bare insert of the same 100,000 member rows through one
/// prepared ADO.NET command in one transaction, no parsing, no checks, no change tracking. Each iteration starts from a
/// hub without members; the upload (file stored, preview planned) is setup, not measured.
/// </summary>
public class MemberImportBenchmarks
{
    public const int Rows = 100_000;

    private readonly string _folder = Directory.CreateTempSubdirectory("wellbeing-import-bench-").FullName;
    private ServiceProvider _services = null!;
    private Guid _hubId;
    private Guid _importId;
    private byte[] _file = [];

    [GlobalSetup]
    public void Setup()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [Infrastructure.DependencyInjection.ProviderSetting] = "Sqlite",
            [$"ConnectionStrings:{Infrastructure.DependencyInjection.ConnectionStringName}"] = $"Data Source={Path.Combine(_folder, "bench.db")}",
        }).Build();
        _services = new ServiceCollection().AddLogging().AddApplication().AddInfrastructure(configuration).BuildServiceProvider();
        _services.InitialiseDatabaseAsync().GetAwaiter().GetResult();
        var hub = new Hub("Benchmark", "Benchmark employer", "benchmark", "Europe/London", DateTimeOffset.UtcNow);
        WithContext(db =>
        {
            db.Hubs.Add(hub);
            return db.SaveChangesAsync();
        });
        _hubId = hub.Id;
        var text = new StringBuilder("external_id,email,name,department\n");
        for (var i = 1; i <= Rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"E{i:D6},employee{i}@acme.test,Employee {i},Department {i % 25}\n");
        }

        _file = Encoding.UTF8.GetBytes(text.ToString());
    }

    [IterationSetup(Target = nameof(Import))]
    public void UploadAndConfirm()
    {
        Empty();
        using var scope = _services.CreateScope();
        _importId = scope.ServiceProvider.GetRequiredService<UploadMemberImportHandler>()
            .Handle(new UploadMemberImportCommand(_hubId, "employees.csv", _file, Full: false, "benchmark"), CancellationToken.None).GetAwaiter().GetResult();

        // Confirmed here rather than through the use case, which would queue the Hangfire job this process does not run.
        WithContext(async db =>
        {
            var import = await db.MemberImports.SingleAsync(i => i.Id == _importId);
            import.Confirm(DateTimeOffset.UtcNow, "benchmark");
            await db.SaveChangesAsync();
        });
    }

    [IterationSetup(Target = nameof(BareInsert))]
    public void Empty() => WithContext(async db =>
    {
        await db.Members.Where(m => m.HubId == _hubId).ExecuteDeleteAsync();
        await db.MemberImports.Where(i => i.HubId == _hubId).ExecuteDeleteAsync();
    });

    [Benchmark(Baseline = true)]
    public void BareInsert() => WithContext(async db =>
    {
        var now = DateTimeOffset.UtcNow;
        var enrolled = db.Model.FindEntityType(typeof(Member))!.FindProperty(nameof(Member.EnrolledAt))!.GetTypeMapping().Converter!.ConvertToProvider(now);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO "Members" ("Id", "HubId", "DisplayName", "SearchKey", "Email", "ExternalId", "Department", "EnrolledAt", "WellbeingEmailsOff", "AllianceEmailsOff")
            VALUES ($id, $hub, $name, $key, $email, $external, $department, $enrolled, 0, 0)
            """;
        var parameters = new[] { "$id", "$hub", "$name", "$key", "$email", "$external", "$department", "$enrolled" }
            .Select(name =>
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
                return parameter;
            })
            .ToArray();
        for (var i = 1; i <= Rows; i++)
        {
            object[] values = [Guid.NewGuid(), _hubId, $"Employee {i}", $"employee {i}", $"employee{i}@acme.test", $"E{i:D6}", $"Department {i % 25}", enrolled!];
            for (var p = 0; p < parameters.Length; p++)
            {
                parameters[p].Value = values[p];
            }

            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    });

    [Benchmark]
    public void Import()
    {
        using var scope = _services.CreateScope();
        scope.ServiceProvider.GetRequiredService<RunMemberImportHandler>().Handle(new RunMemberImportCommand(_importId), CancellationToken.None).GetAwaiter().GetResult();
        var created = WithContext(db => db.Members.CountAsync(m => m.HubId == _hubId));
        if (created != Rows)
        {
            throw new InvalidOperationException($"The import created {created} of {Rows} members.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private void WithContext(Func<WellbeingDbContext, Task> action)
    {
        using var scope = _services.CreateScope();
        action(scope.ServiceProvider.GetRequiredService<WellbeingDbContext>()).GetAwaiter().GetResult();
    }

    private T WithContext<T>(Func<WellbeingDbContext, Task<T>> query)
    {
        using var scope = _services.CreateScope();
        return query(scope.ServiceProvider.GetRequiredService<WellbeingDbContext>()).GetAwaiter().GetResult();
    }
}
