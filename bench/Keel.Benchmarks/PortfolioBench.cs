using System.Diagnostics;
using System.Globalization;
using Keel.Core.Backtest;
using Keel.Core.Costs;
using Keel.Core.Domain;
using Keel.Core.MarketData;
using Keel.Core.Strategies;
using Keel.Data;
using Keel.Data.Columnar;

namespace Keel.Benchmarks;

/// <summary>
/// Issue 18's target 3: a portfolio backtest over N symbols × M one-minute bars from Parquet files, merged by
/// time into one cash account, streamed from the columnar cache a window at a time (or, with <c>--parquet</c>,
/// a Parquet row group at a time). Writes the files and fills the cache once (seeded GBM, one seed per symbol),
/// then times the run and reports the process's peak memory. Run it in a fresh process per N (peak memory is
/// per process).
/// </summary>
internal static class PortfolioBench
{
    public static int Run(string folder, int symbols, int bars, bool materialize, bool journal, bool trades, bool parquet)
    {
        Directory.CreateDirectory(folder);
        var paths = new List<(string Path, Symbol Symbol)>();
        var write = Stopwatch.StartNew();
        for (var s = 0; s < symbols; s++)
        {
            var symbol = new Symbol(string.Create(CultureInfo.InvariantCulture, $"S{s:000}/USD"), AssetClass.Crypto);
            var path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"S{s:000}-{bars}.parquet"));
            if (!File.Exists(path))
            {
                var generated = GbmBars.Generate(bars, seed: 42 + (ulong)s);
                ParquetBars.Write(path, new BarSeries(symbol, generated.Timeframe, generated.Span.ToArray()));
            }
            paths.Add((path, symbol));
        }
        Console.WriteLine($"{symbols} files of {bars:N0} bars ready in {write.Elapsed.TotalSeconds:0.0} s");

        var settings = new BacktestSettings
        {
            Broker = new BrokerModel(new PercentSlippage(0.05m), new PercentCommission(0.1m)),
            Risk = new Keel.Core.Risk.RiskConfig { Sizing = Keel.Core.Risk.Sizing.Parse("percent:1") },
            KeepJournal = journal, // the full journal (every order event and reason) grows with the trades
            KeepTrades = trades || journal, // so do the closed trades; their statistics are folded in either way
        };
        IStrategySpec[] specs = [StrategyRegistry.Default.Parse("sma-crossover:fast=10,slow=30")];
        var clock = Stopwatch.StartNew();
        BacktestResult result;
        if (materialize)
        {
            var series = paths.Select(p => ParquetBars.Read(p.Path).Series).Select((s, i) => new BarSeries(paths[i].Symbol, s.Timeframe, s.Span.ToArray())).ToList();
            result = Backtester.Run(settings, series, specs);
        }
        else
        {
            var cache = parquet ? null : new ColumnarBarCache(Path.Combine(folder, "cache"));
            var open = Stopwatch.StartNew();
            var streams = paths.Select(p => BarFiles.OpenStream(p.Path, p.Symbol, cache)).ToList();
            Console.WriteLine($"{streams.Count} streams open in {open.Elapsed.TotalSeconds:0.0} s ({streams.Count(s => s is ColumnarBarStream)} from the columnar cache)");
            clock.Restart();
            result = Backtester.RunStreaming(settings, streams, specs);
            foreach (var stream in streams.Cast<IDisposable>()) stream.Dispose();
        }
        clock.Stop();
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(materialize ? "materialized" : parquet ? "streamed from Parquet" : "streamed from the columnar cache")}{(journal ? ", journal kept" : trades ? ", trades kept" : ", trades folded")}: {symbols} symbols × {bars:N0} bars = {result.Bars:N0} bars in {clock.Elapsed.TotalSeconds:0.00} s " +
            $"({result.Bars / clock.Elapsed.TotalSeconds / 1e6:0.00} M bars/s), {result.Metrics.Trades:N0} trades, final equity {result.FinalEquity:0.00}, peak {peak / 1e6:0} MB"));
        return 0;
    }
}
