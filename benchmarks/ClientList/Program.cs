using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Wellbeing.Benchmarks.ClientList;

// A short job in process: a few minutes on two cores, and no generated project that would have to restore packages.
var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
BenchmarkSwitcher.FromAssembly(typeof(ClientListBenchmarks).Assembly).Run(args, config);
