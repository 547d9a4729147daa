using Keel.Core.Backtest;
using Keel.Core.Costs;
using Keel.Core.Domain;
using Keel.Core.Metrics;
using Keel.Core.Research;
using Keel.Core.Risk;
using Keel.Core.Strategies;

namespace Keel.Core.Tests.Research;

/// <summary>
/// A sweep shares work between its trials (indicators computed once per series, no journal, no equity
/// curve, fast-forward through quiet bars); none of that may change a number. Every trial here is run
/// again as a backtest whose strategy updates its own indicators and sees every bar, and compared field by field.
/// </summary>
public class SweepEqualityTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        // strategy, grid, settings (see Settings)
        { "sma-crossover", "fast=2..8:3,slow=9..30:7", "costs, next open" },
        { "sma-crossover", "fast=2..8:3,slow=9..30:7", "per-share costs, close fill" },
        { "sma-crossover", "fast=2..8:3,slow=9..30:7", "brackets, keep open" },
        { "sma-crossover", "fast=3|5,slow=12|20", "daily loss limit" },
        { "rsi", "period=5..14:9,oversold=30|40,overbought=60|70", "costs, next open" },
        { "mean-reversion", "period=10|20,entry=1|1.5,exit=0|0.5", "costs, next open" },
        { "macd", "fast=3|6,slow=13|26,signal=4|9", "costs, next open" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_trial_equals_an_ordinary_backtest_of_it(string strategy, string gridText, string settingsName)
    {
        var data = new[] { RandomWalk("ACME", seed: 7) };
        AssertTrialsEqualOrdinaryRuns(StrategyRegistry.Default.Find(strategy), gridText, Settings(settingsName), data);
    }

    [Fact]
    public void Trials_over_two_symbols_equal_ordinary_backtests()
    {
        var data = new[] { RandomWalk("ACME", seed: 11), RandomWalk("BETA", seed: 12) };
        AssertTrialsEqualOrdinaryRuns(SmaCrossoverStrategy.Definition, "fast=2..8:3,slow=9..30:7", Settings("costs, next open"), data);
    }

    private static void AssertTrialsEqualOrdinaryRuns(StrategyDefinition definition, string gridText, BacktestSettings settings, BarSeries[] data)
    {
        var grid = ParameterGrid.Parse(gridText, definition);
        var sweep = ParameterSweep.Run(settings, data, grid);

        sweep.Trials.Count.ShouldBe(grid.Count);
        sweep.Trials.Sum(t => t.ClosedTrades).ShouldBeGreaterThan(grid.Count * 3); // the trials trade: the comparison is not vacuous
        foreach (var trial in sweep.Trials)
        {
            var ordinary = Backtester.Run(settings, data, [() => trial.Spec.Create()]);
            var name = trial.Spec.Text;
            trial.ClosedTrades.ShouldBe(ordinary.Trades.Count, name);
            foreach (var field in typeof(PerformanceMetrics).GetProperties())
                field.GetValue(trial.Metrics).ShouldBe(field.GetValue(ordinary.Metrics), $"{name}: {field.Name}");
            trial.Metrics.EndingEquity.ShouldBe(ordinary.FinalEquity, name);
            var dailyFromCurve = DailyReturns.Of(ordinary.EquityCurve, (double)settings.StartingCash);
            trial.DailySharpe.ShouldBe(ReturnMoments.Of(dailyFromCurve).Sharpe, name);
        }
    }

    internal static BacktestSettings Settings(string name) => name switch
    {
        "costs, next open" => new BacktestSettings
        {
            Broker = new BrokerModel(new PercentSlippage(0.05m), new PercentCommission(0.1m)),
        },
        "per-share costs, close fill" => new BacktestSettings
        {
            FillModel = FillModel.Close,
            Broker = new BrokerModel(new PerShareSlippage(0.01m), new PerOrderCommission(1m)),
            Risk = new RiskConfig { Sizing = Sizing.Parse("fixed:100") },
        },
        "brackets, keep open" => new BacktestSettings
        {
            CloseAtEnd = false,
            Broker = new BrokerModel(new PercentSlippage(0.02m), new PercentCommission(0.05m)),
            Risk = new RiskConfig { StopLossPercent = 1.5m, TakeProfitPercent = 2m, TrailingStopPercent = 3m },
        },
        "daily loss limit" => new BacktestSettings
        {
            Broker = new BrokerModel(new PercentSlippage(0.05m), new PercentCommission(0.1m)),
            Risk = new RiskConfig { DailyLossLimitPercent = 0.5m },
        },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown settings"),
    };

    /// <summary>Hourly bars over 40 days: a random walk in cents, so equal closes (and equal averages) happen.</summary>
    internal static BarSeries RandomWalk(string symbol, ulong seed)
    {
        var noise = new SeededNoise(seed);
        var bars = new Bar[40 * 24];
        var close = 100.0;
        var start = new DateTime(2024, 3, 4, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < bars.Length; i++)
        {
            var open = Math.Round(close * (1 + 0.001 * noise.NextGaussian()), 2);
            close = Math.Round(open * (1 + 0.006 * noise.NextGaussian()), 2);
            var high = Math.Round(Math.Max(open, close) * (1 + 0.002 * Math.Abs(noise.NextGaussian())), 2);
            var low = Math.Round(Math.Min(open, close) * (1 - 0.002 * Math.Abs(noise.NextGaussian())), 2);
            bars[i] = new Bar(start.AddHours(i), open, high, low, close, 1000);
        }
        return new BarSeries(Symbol.Parse(symbol), Timeframe.OneHour, bars);
    }
}
