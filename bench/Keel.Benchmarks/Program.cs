using System.Diagnostics;
using BenchmarkDotNet.Running;
using Keel.Benchmarks;
using Keel.Core.Backtest;
using Keel.Core.Costs;
using Keel.Core.Research;
using Keel.Core.Strategies;
using Keel.Data.Csv;

// keel benchmarks:
//   dotnet run -c Release --project bench/Keel.Benchmarks -- make-data FILE   writes the 1,000,000-bar reference CSV
//   dotnet run -c Release --project bench/Keel.Benchmarks -- quick            a few timed runs of the kernel loop (no BenchmarkDotNet)
//   dotnet run -c Release --project bench/Keel.Benchmarks -- sweep FILE GRID [--threads N] [--runs N]   a timed sma-crossover sweep (frictionless, as `keel sweep`)
//   dotnet run -c Release --project bench/Keel.Benchmarks -- trial FILE SPEC [--runs N]   one sweep trial (cached indicators, no journal, no curve), best of N
//   dotnet run -c Release --project bench/Keel.Benchmarks -- trials FILE GRID [--every K]   every K-th sma-crossover trial of GRID, one thread: fastest-of-5 ms per trial and a checksum
//   dotnet run -c Release --project bench/Keel.Benchmarks -- dashboard FOLDER [--runs N]   dashboard pages over 100,000 fills and a year of minute snapshots
//   dotnet run -c Release --project bench/Keel.Benchmarks -- csv FILE [--runs N]   Keel's CSV parser against Sep, and the Parquet and cached columnar forms, fastest of N
//   dotnet run -c Release --project bench/Keel.Benchmarks -- portfolio FOLDER N [--bars M] [--materialize] [--journal] [--trades] [--parquet]   N symbols × M (1,000,000) minute bars, one account, streamed from the columnar cache (filled from Parquet once): time and peak memory
//   dotnet run -c Release --project bench/Keel.Benchmarks -- [BenchmarkDotNet args]
if (args is ["dashboard", var benchFolder, ..])
    return await DashboardBench.RunAsync(benchFolder, args is [.., "--runs", var r] ? int.Parse(r, System.Globalization.CultureInfo.InvariantCulture) : 20);
if (args is ["portfolio", var portfolioFolder, var symbolCount, ..])
{
    var barsAt = Array.IndexOf(args, "--bars");
    return PortfolioBench.Run(portfolioFolder, int.Parse(symbolCount, System.Globalization.CultureInfo.InvariantCulture),
        barsAt > 0 ? int.Parse(args[barsAt + 1], System.Globalization.CultureInfo.InvariantCulture) : KernelLoopBenchmark.BarCount, args.Contains("--materialize"), args.Contains("--journal"), args.Contains("--trades"), args.Contains("--parquet"));
}
if (args is ["make-data", var path])
{
    BarCsvWriter.Write(path, GbmBars.Generate(KernelLoopBenchmark.BarCount));
    Console.WriteLine($"wrote {KernelLoopBenchmark.BarCount:N0} one-minute bars to {path}");
    return 0;
}
if (args is ["csv", var csvFile, ..])
    return CsvParserComparison.Run(csvFile, args is [.., "--runs", var r] ? int.Parse(r, System.Globalization.CultureInfo.InvariantCulture) : 5);
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
if (args is ["sweep", var file, var gridText, ..])
{
    var load = Stopwatch.StartNew();
    var series = BarCsvReader.Load(file).Series;
    Console.WriteLine($"loaded {series.Count:N0} bars in {load.Elapsed.TotalMilliseconds:0} ms");
    var grid = ParameterGrid.Parse(gridText, SmaCrossoverStrategy.Definition);
    var runs = args is [.., "--runs", var n] ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 1;
    var threadsAt = Array.IndexOf(args, "--threads");
    var threads = threadsAt > 0 ? int.Parse(args[threadsAt + 1], System.Globalization.CultureInfo.InvariantCulture) : 0;
    for (var run = 0; run < runs; run++)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = ParameterSweep.Run(new BacktestSettings(), [series], grid, maxParallelism: threads);
        clock.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var trades = result.Trials.Sum(t => (long)t.ClosedTrades);
        Console.WriteLine($"GCs so far {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, {GC.GetTotalAllocatedBytes() / 1e9:0.0} GB allocated, pause {GC.GetTotalPauseDuration().TotalSeconds:0.00} s");
        Console.WriteLine($"run {run}: {result.Trials.Count} trials in {clock.Elapsed.TotalSeconds:0.00} s ({cpu.TotalSeconds:0.00} s CPU), " +
            $"{(double)result.Trials.Count * series.Count / clock.Elapsed.TotalSeconds / 1e6:0.0} M bar-trials/s, {trades:N0} round trips, best {result.Best.Spec.Text} sharpe {result.Best.Metrics.Sharpe:R}");
    }
    return 0;
}
if (args is ["trial", var trialFile, var specText, ..])
{
    var series = BarCsvReader.Load(trialFile).Series;
    var spec = StrategyRegistry.Default.Parse(specText);
    var cache = new Keel.Core.Indicators.IndicatorCache(series);
    var settings = new BacktestSettings { KeepJournal = false, KeepEquityCurve = false };
    var runs = args is [.., "--runs", var n] ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 10;
    var best = double.MaxValue;
    for (var run = 0; run < runs; run++)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var gcs = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var clock = Stopwatch.StartNew();
        var result = Backtester.Run(settings, [series], [_ => spec.Create(cache)]);
        var ms = clock.Elapsed.TotalMilliseconds;
        best = Math.Min(best, ms);
        Console.WriteLine($"run {run}: {ms:0} ms, {result.Trades.Count} trades, sharpe {result.Metrics.Sharpe:R}, " +
            $"{(GC.GetAllocatedBytesForCurrentThread() - allocated) / 1e6:0.0} MB allocated, GCs {GC.CollectionCount(0) - gcs.Item1}/{GC.CollectionCount(1) - gcs.Item2}/{GC.CollectionCount(2) - gcs.Item3}");
    }
    Console.WriteLine($"best {best:0.0} ms (the least disturbed run on a shared machine)");
    return 0;
}
if (args is ["trials", var trialsFile, var trialsGrid, ..])
{
    // Every k-th trial of a grid on one thread, each run several times in a row: the sum over trials of each
    // one's fastest run (the least disturbed on a shared machine, far steadier than a total), and a checksum
    // of every result (any change in any trial shows).
    var series = BarCsvReader.Load(trialsFile).Series;
    var every = args is [.., "--every", var e] ? int.Parse(e, System.Globalization.CultureInfo.InvariantCulture) : 10;
    var specs = ParameterGrid.Parse(trialsGrid, SmaCrossoverStrategy.Definition).Specs.Where((_, i) => i % every == 0).ToList();
    var cache = new Keel.Core.Indicators.IndicatorCache(series);
    var settings = new BacktestSettings { KeepJournal = false, KeepEquityCurve = false, KeepTrades = false };
    foreach (var spec in specs) Backtester.Run(settings, [series], [_ => spec.Create(cache)]); // warm: JIT tiers, indicator cache
    for (var round = 0; round < 3; round++)
    {
        ulong checksum = 14695981039346656037; // FNV-1a over the bits of every result
        long trades = 0;
        var fastest = 0.0;
        foreach (var spec in specs)
        {
            var best = double.MaxValue;
            for (var run = 0; run < 5; run++)
            {
                var clock = Stopwatch.StartNew();
                var result = Backtester.Run(settings, [series], [_ => spec.Create(cache)]);
                best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
                if (run > 0) continue;
                var m = result.Metrics;
                foreach (var x in (double[])[m.Sharpe, m.Sortino, m.TotalReturnPct, m.MaxDrawdownPct, m.WinRatePct, m.ExposurePct, (double)m.EndingEquity, .. result.DailyReturns])
                    checksum = (checksum ^ (ulong)BitConverter.DoubleToInt64Bits(x)) * 1099511628211;
                trades += result.Metrics.Trades;
            }
            fastest += best;
        }
        Console.WriteLine($"round {round}: {specs.Count} trials, {fastest / specs.Count:0.00} ms per trial (fastest of 5 each), {trades:N0} trades, checksum {checksum:x16}");
    }
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(KernelLoopBenchmark).Assembly).Run(args);
return 0;
