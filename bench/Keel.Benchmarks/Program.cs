using System.Diagnostics;
using BenchmarkDotNet.Running;
using Keel.Benchmarks;
using Keel.Core.Backtest;
using Keel.Core.Costs;
using Keel.Core.Strategies;
using Keel.Data.Csv;

// keel benchmarks:
//   dotnet run -c Release --project bench/Keel.Benchmarks -- make-data FILE   writes the 1,000,000-bar reference CSV
//   dotnet run -c Release --project bench/Keel.Benchmarks -- quick            a few timed runs of the kernel loop (no BenchmarkDotNet)
//   dotnet run -c Release --project bench/Keel.Benchmarks -- [BenchmarkDotNet args]
if (args is ["make-data", var path])
{
    BarCsvWriter.Write(path, GbmBars.Generate(KernelLoopBenchmark.BarCount));
    Console.WriteLine($"wrote {KernelLoopBenchmark.BarCount:N0} one-minute bars to {path}");
    return 0;
}
if (args is ["quick", ..])
{
    var bars = GbmBars.Generate(KernelLoopBenchmark.BarCount);
    var settings = new BacktestSettings
    {
        Broker = new BrokerModel(new PercentSlippage(0.05m), new PercentCommission(0.1m)),
        KeepJournal = !args.Contains("--no-journal"),
    };
    var spec = StrategyRegistry.Default.Parse(args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? args[1] : "sma-crossover:fast=10,slow=30");
    for (var run = 0; run < 7; run++)
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var gcs = GC.CollectionCount(0);
        var clock = Stopwatch.StartNew();
        var result = Backtester.Run(settings, [bars], [spec]);
        clock.Stop();
        Console.WriteLine($"run {run}: {clock.Elapsed.TotalMilliseconds:0.0} ms, {bars.Count / clock.Elapsed.TotalSeconds / 1e6:0.0} M bars/s, {result.Trades.Count} trades, final equity {result.FinalEquity:0.00}, " +
            $"{(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6:0.0} MB allocated, {GC.CollectionCount(0) - gcs} gen0 GCs");
    }
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(KernelLoopBenchmark).Assembly).Run(args);
return 0;
