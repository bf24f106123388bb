using BenchmarkDotNet.Attributes;
using Wellbeing.Domain.Aggregates;
using Wellbeing.Domain.Hubs;

namespace Wellbeing.Benchmarks.SnapshotComposition;

/// <summary>
/// The refresh's work after the database has answered: the privacy rules and the cells of one snapshot for the
/// aggregate refresh benchmark's hub (100,000 responders in 8 departments over 13 months), without any database.
/// </summary>
[MemoryDiagnoser]
public class SnapshotCompositionBenchmarks
{
    private static readonly string[] Departments = ["Sales", "Engineering", "Operations", "Finance", "Legal", "Support", "Marketing", "People"];
    private readonly HubSettings _settings = HubSettings.Defaults();
    private IReadOnlyList<ReportingMonth> _months = [];
    private HubStatistics _statistics = null!;

    [Params(100_000)]
    public int Responders { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var asOf = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        _months = ReportingMonth.Between(asOf.AddYears(-1), asOf, "Europe/London");
        var random = new Random(100_000);
        var responders = Enumerable.Range(0, Responders)
            .Select(n => new ResponderFigures(Departments[n % Departments.Length], random.Next(1, 27), random.Next(0, 26) * 4, random.Next(0, 26) * 4))
            .ToList();
        var perDepartment = Responders / Departments.Length;
        _statistics = new HubStatistics(
            [.. Departments.Select(d => new EnrolmentFigures(d, perDepartment, perDepartment))],
            [.. Departments.SelectMany(d => _months.Select(m => new MonthFigures(d, m.Key, perDepartment * 2 * 52m, perDepartment * 2, perDepartment)))],
            responders,
            new MeanFigures(0, 0, 0));
    }

    [Benchmark]
    public int Compose()
    {
        var publishable = SnapshotComposer.PublishableMonths(_statistics, PrivacyThresholds.For(_settings));
        return SnapshotComposer.Compose(_statistics, _months, publishable, new Dictionary<string, int>(), _settings).Count;
    }
}
