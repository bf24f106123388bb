using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Wellbeing.Benchmarks.SnapshotComposition;

// A short job in process, as the client list benchmark: no generated project that would have to restore packages.
var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
BenchmarkSwitcher.FromAssembly(typeof(SnapshotCompositionBenchmarks).Assembly).Run(args, config);
