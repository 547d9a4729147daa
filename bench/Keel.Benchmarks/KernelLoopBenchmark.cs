using BenchmarkDotNet.Attributes;
using Keel.Core.Backtest;
using Keel.Core.Costs;
using Keel.Core.Domain;
using Keel.Core.Strategies;

namespace Keel.Benchmarks;

/// <summary>
/// The kernel loop on the reference series: SMA crossover (10/30) on 1,000,000 one-minute bars with
/// slippage and commission, metrics and equity curve on. Target: ≥ 20 million bars per second.
/// </summary>
[MemoryDiagnoser]
public class KernelLoopBenchmark
{
    public const int BarCount = 1_000_000;
    private BarSeries _bars = null!;
    private BacktestSettings _settings = null!;
    private StrategySpec _strategy = null!;

    [GlobalSetup]
    public void Setup()
    {
        _bars = GbmBars.Generate(BarCount);
        _settings = new BacktestSettings { Broker = new BrokerModel(new PercentSlippage(0.05m), new PercentCommission(0.1m)) };
        _strategy = StrategyRegistry.Default.Parse("sma-crossover:fast=10,slow=30");
    }

    [Benchmark(OperationsPerInvoke = BarCount)]
    public decimal SmaCrossoverPerBar() => Backtester.Run(_settings, [_bars], [_strategy]).FinalEquity;
}
