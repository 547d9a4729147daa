using Keel.Core.Backtest;
using Keel.Core.Domain;
using Keel.Core.Risk;
using Keel.Core.Strategies;
using Keel.Core.Tests.Research;

namespace Keel.Core.Tests.Backtest;

/// <summary>
/// A backtest of registry strategies reads their indicators from a cache computed once for the series and
/// fast-forwards through the bars they hold on; the benchmark fast-forwards once it holds. Neither may
/// change anything a user sees: every trade, order event, decision, equity point and figure equals a run in
/// which each strategy updates its own indicators and sees every bar.
/// </summary>
public sealed class CachedIndicatorEqualityTests
{
    public static TheoryData<string, string> Cases => new()
    {
        // strategy, settings (SweepEqualityTests.Settings)
        { "sma-crossover:fast=5,slow=20", "costs, next open" },
        { "sma-crossover:fast=3,slow=12", "per-share costs, close fill" },
        { "sma-crossover:fast=5,slow=20", "brackets, keep open" },
        { "rsi:period=7,oversold=35,overbought=65", "costs, next open" },
        { "mean-reversion:period=10,entry=1,exit=0", "costs, next open" },
        { "macd:fast=6,slow=13,signal=4", "brackets, keep open" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_backtest_on_cached_indicators_equals_one_that_sees_every_bar(string strategy, string settingsName)
    {
        var spec = StrategyRegistry.Default.Parse(strategy);
        var settings = SweepEqualityTests.Settings(settingsName);
        BarSeries[] data = [SweepEqualityTests.RandomWalk("ACME", seed: 21)];

        var cached = Backtester.Run(settings, data, [spec]);
        var everyBar = Backtester.Run(settings, data, [() => spec.Create()]);

        everyBar.Trades.Count.ShouldBeGreaterThan(3, "the comparison is not vacuous");
        AssertSame(cached, everyBar);
    }

    [Fact]
    public void The_benchmark_fast_forwarded_equals_buy_and_hold_bar_by_bar()
    {
        var settings = SweepEqualityTests.Settings("costs, next open");
        BarSeries[] data = [SweepEqualityTests.RandomWalk("ACME", seed: 22)];

        var benchmark = Benchmark.BuyAndHold(settings, data);
        var benchmarkSettings = settings with { Risk = new RiskConfig { Sizing = new Sizing(SizingMethod.PercentOfEquity, Benchmark.InvestedPercent) }, KeepJournal = false };
        var everyBar = Backtester.Run(benchmarkSettings, data, [() => new EveryBar(new BuyAndHoldStrategy())]);

        benchmark.Trades.Count.ShouldBe(1);
        AssertSame(benchmark, everyBar);
    }

    private static void AssertSame(BacktestResult actual, BacktestResult expected)
    {
        actual.Trades.ShouldBe(expected.Trades);
        actual.OrderEvents.ShouldBe(expected.OrderEvents);
        actual.Decisions.ShouldBe(expected.Decisions);
        actual.EquityCurve.ShouldBe(expected.EquityCurve);
        actual.DailyReturns.ShouldBe(expected.DailyReturns);
        actual.Metrics.ShouldBe(expected.Metrics);
        (actual.FinalEquity, actual.FinalCash, actual.Bars).ShouldBe((expected.FinalEquity, expected.FinalCash, expected.Bars));
    }

    /// <summary>The same strategy without its look-ahead: the replay has to show it every bar.</summary>
    private sealed class EveryBar(IStrategy inner) : IStrategy
    {
        public string Name => inner.Name;
        public int WarmUpBars => inner.WarmUpBars;
        public Signal OnBar(in Bar bar, StrategyContext context) => inner.OnBar(bar, context);
        public void Reset() => inner.Reset();
    }
}
