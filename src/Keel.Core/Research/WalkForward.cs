using Keel.Core.Backtest;
using Keel.Core.Domain;
using Keel.Core.Metrics;
using Keel.Core.Trading;

namespace Keel.Core.Research;

/// <summary>
/// Walk-forward analysis on one series: for each window, sweep the grid on the in-sample bars, pick the
/// best by the metric, then trade those parameters on the following out-of-sample bars only (the
/// strategy warms up on the in-sample bars before them but cannot trade there). Out-of-sample curves
/// are stitched by chaining each window's returns.
/// </summary>
public static class WalkForward
{
    public static WalkForwardResult Run(BacktestSettings settings, BarSeries series, ParameterGrid grid,
        int inSample, int outOfSample, bool anchored, string metric = "sharpe", Action<int, int>? onWindowDone = null)
    {
        var windows = WalkForwardWindows.Create(series.Count, inSample, outOfSample, anchored);
        if (windows.Count == 0)
            throw new ArgumentException($"{series.Count} bars are too few for an in-sample window of {inSample} and an out-of-sample window of {outOfSample}.");
        var bars = series.Span.ToArray();
        var periodsPerYear = PeriodsPerYear.For(series.Timeframe, series.Symbol.AssetClass);
        var steps = new List<WalkForwardStep>();
        var stitched = new List<EquityPoint>();
        var stitchedTrades = new List<Trade>();
        var equity = (double)settings.StartingCash;
        double isAnnualised = 0;
        foreach (var w in windows)
        {
            var isSeries = Slice(series, bars, w.IsStart, w.IsEnd);
            var sweep = ParameterSweep.Run(settings, [isSeries], grid, metric);
            var chosen = sweep.Best.Spec;

            // Out of sample: warm up on the in-sample bars, trade only from the first OOS bar.
            var oosStart = bars[w.OosStart].Timestamp;
            var run = Backtester.Run(settings, [Slice(series, bars, w.IsStart, w.OosEnd)], [() => new GatedStrategy(chosen.Create(), oosStart)]);
            var oosCurve = run.EquityCurve.Where(p => p.Time >= oosStart).ToList();
            var startEquity = (double)settings.StartingCash; // nothing can happen before the gate opens
            var oosMetrics = PerformanceCalculator.Compute(oosCurve, run.Trades, settings.StartingCash, run.FinalEquity,
                periodsPerYear, run.Metrics.TotalCommissions, run.Metrics.TotalSlippage);
            steps.Add(new WalkForwardStep(w, bars[w.IsStart].Timestamp, oosStart, bars[w.OosEnd - 1].Timestamp, chosen, sweep.Best.Metrics, oosMetrics, run.Trades));
            stitchedTrades.AddRange(run.Trades);
            foreach (var p in oosCurve)
            {
                var scale = equity / startEquity;
                stitched.Add(new EquityPoint(p.Time, p.Equity * scale, p.Cash * scale, p.PositionValue * scale));
            }
            equity = stitched[^1].Equity;
            isAnnualised += WalkForwardEfficiency.AnnualisedReturn(sweep.Best.Metrics.TotalReturnPct / 100, w.IsLength, periodsPerYear);
            onWindowDone?.Invoke(steps.Count, windows.Count);
        }
        var oosBars = stitched.Count;
        var overall = PerformanceCalculator.Compute(stitched, stitchedTrades, settings.StartingCash, (decimal)equity, periodsPerYear,
            steps.Sum(s => s.OutOfSample.TotalCommissions), steps.Sum(s => s.OutOfSample.TotalSlippage));
        var meanIs = isAnnualised / steps.Count;
        var oosAnnualised = WalkForwardEfficiency.AnnualisedReturn(equity / (double)settings.StartingCash - 1, oosBars, periodsPerYear);
        var efficiency = meanIs > 0 ? oosAnnualised / meanIs : double.NaN;
        return new WalkForwardResult(steps, stitched, overall, efficiency);
    }

    private static BarSeries Slice(BarSeries series, Bar[] bars, int from, int to) => new(series.Symbol, series.Timeframe, bars[from..to]);
}
