using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wellbeing.Application;
using Wellbeing.Application.Professionals.Queries.GetMyClients;
using Wellbeing.Infrastructure;

namespace Wellbeing.Benchmarks.ClientList;

/// <summary>
/// The professional's clients list (the whole use case, as the controller calls it) for a professional with 2,000
/// connected clients on a SQLite file: the first page, a page deep in the list, and a search.
/// </summary>
[MemoryDiagnoser]
public class ClientListBenchmarks
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wellbeing-bench-").FullName;
    private ServiceProvider _services = null!;

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
        new ClientListSeed(_services).SeedAsync().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public Task<MyClientsPageDto> FirstPage() => ReadAsync(null, 1);

    [Benchmark]
    public Task<MyClientsPageDto> PageForty() => ReadAsync(null, 40);

    [Benchmark]
    public Task<MyClientsPageDto> Search() => ReadAsync("ada", 1);

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<MyClientsPageDto> ReadAsync(string? search, int page)
    {
        // A scope per call, like a web request: nothing is cached between requests.
        await using var scope = _services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<GetMyClientsHandler>();
        return await handler.Handle(new GetMyClientsQuery(ClientListSeed.ProfessionalUserId, search, page), CancellationToken.None);
    }
}
