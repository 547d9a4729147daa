using Keel.Core.Backtest;
using Keel.Core.Domain;
using Keel.Core.Research;
using Keel.Core.Risk;
using Keel.Core.Strategies;

namespace Keel.Core.Tests.Research;

public class WalkForwardRunTests
{
    private static BarSeries Wave(int count)
    {
        var t0 = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var bars = Enumerable.Range(0, count).Select(i =>
        {
            var p = Math.Round(100 + 10 * Math.Sin(i / 9.0) + i * 0.05, 2);
            return new Bar(t0.AddDays(i), p, p + 0.5, p - 0.5, p, 1000);
        }).ToArray();
        return new BarSeries(new Symbol("BTC/USD", AssetClass.Crypto), Timeframe.OneDay, bars);
    }

    [Fact]
    public void Out_of_sample_windows_trade_only_inside_themselves_and_stitch_end_to_end()
    {
        var series = Wave(400);
        var grid = ParameterGrid.Parse("fast=3..6:3,slow=10..20:10", SmaCrossoverStrategy.Definition);
        var settings = new BacktestSettings { Risk = new RiskConfig { Sizing = Sizing.Parse("percent:50") } };

        var result = WalkForward.Run(settings, series, grid, inSample: 100, outOfSample: 50, anchored: false);

        // Rolling windows: IS [0,100) OOS [100,150), then every 50 bars: 6 windows up to bar 400.
        result.Steps.Count.ShouldBe(6);
        foreach (var step in result.Steps)
        {
            step.OutOfSampleTrades.ShouldAllBe(t => t.EntryTime >= step.OosFrom && t.ExitTime <= step.OosTo);
            grid.Specs.Select(s => s.Text).ShouldContain(step.Chosen.Text);
        }
        result.OutOfSampleCurve.Count.ShouldBe(6 * 50);
        result.OutOfSampleCurve[0].Time.ShouldBe(series[100].Timestamp);
        result.OutOfSampleCurve.Select(p => p.Time).ShouldBe(result.OutOfSampleCurve.Select(p => p.Time).OrderBy(t => t));
        result.Steps.Sum(s => s.OutOfSampleTrades.Count).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Each_window_carries_the_trust_in_its_choice_from_its_own_in_sample_sweep()
    {
        var series = Wave(400);
        var grid = ParameterGrid.Parse("fast=3..6:3,slow=10..20:10", SmaCrossoverStrategy.Definition);
        var settings = new BacktestSettings { Risk = new RiskConfig { Sizing = Sizing.Parse("percent:50") } };

        var result = WalkForward.Run(settings, series, grid, inSample: 100, outOfSample: 50, anchored: true);

        foreach (var step in result.Steps)
        {
            var inSample = new BarSeries(series.Symbol, series.Timeframe, series.Span[step.Window.IsStart..step.Window.IsEnd].ToArray());
            var sweep = ParameterSweep.Run(settings, [inSample], grid);
            step.Tuning.ShouldBe(new TuningStatistics(4, sweep.DeflatedSharpe, sweep.Overfitting?.Probability));
            step.Tuning.Pbo.ShouldNotBeNull();
        }
    }
}
