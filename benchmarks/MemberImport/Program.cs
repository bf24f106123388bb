using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Wellbeing.Benchmarks.MemberImport;

// Each invocation writes 100,000 rows, so a few monitored iterations in process (no generated project to restore)
// say enough: see docs/performance.md ("Member import"). Usage: dotnet run -c Release --project benchmarks/MemberImport
var config = DefaultConfig.Instance.AddJob(Job.Default
    .WithStrategy(RunStrategy.Monitoring)
    .WithLaunchCount(1)
    .WithWarmupCount(1)
    .WithIterationCount(3)
    .WithToolchain(InProcessEmitToolchain.Instance));
BenchmarkSwitcher.FromAssembly(typeof(MemberImportBenchmarks).Assembly).Run(args, config);
