using Keel.Core.Backtest;
using Keel.Core.Domain;
using Keel.Core.Metrics;
using Keel.Core.Strategies;

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
        int inSample, int outOfSample, bool anchored, string metric = "sharpe", Action<int, int>? onWindowDone = null, int warmUp = 0)
    {
        var windows = WalkForwardWindows.Create(series.Count - warmUp, inSample, outOfSample, anchored).Select(w => w.After(warmUp)).ToList();
        if (windows.Count == 0)
            throw new ArgumentException($"{series.Count - warmUp} bars are too few for an in-sample window of {inSample} and an out-of-sample window of {outOfSample}.");
        var bars = series.Span.ToArray();
        var periodsPerYear = PeriodsPerYear.For(series.Timeframe, series.Symbol.AssetClass);
        var steps = new List<WalkForwardStep>();
        var record = new OutOfSampleRecord(settings, periodsPerYear);
        double isAnnualised = 0;
        foreach (var w in windows)
        {
            var isSeries = Slice(series, bars, SliceStart(w, warmUp), w.IsEnd);
            var sweep = ParameterSweep.Run(InSampleSettings(settings, bars, w, warmUp), [isSeries], grid, metric);
            var chosen = sweep.Best.Spec;
            var run = RunOutOfSample(settings, series, bars, w, chosen, warmUp);
            var oosMetrics = record.Add(run, bars[w.OosStart].Timestamp);
            steps.Add(new WalkForwardStep(w, bars[w.IsStart].Timestamp, bars[w.OosStart].Timestamp, bars[w.OosEnd - 1].Timestamp, chosen, TuningStatistics.Of(sweep), sweep.Best.Metrics, oosMetrics, run.Trades));
            isAnnualised += WalkForwardEfficiency.AnnualisedReturn(sweep.Best.Metrics.TotalReturnPct / 100, w.IsLength, periodsPerYear);
            onWindowDone?.Invoke(steps.Count, windows.Count);
        }
        var meanIs = isAnnualised / steps.Count;
        var oosAnnualised = WalkForwardEfficiency.AnnualisedReturn((double)(record.Equity / settings.StartingCash) - 1, record.Curve.Count, periodsPerYear);
        var efficiency = meanIs > 0 ? oosAnnualised / meanIs : double.NaN;
        return new WalkForwardResult(steps, record.Curve, record.Metrics(), efficiency);
    }

    /// <summary>
    /// Trades <paramref name="chosen"/> on a window's out-of-sample bars: it warms up on the in-sample bars
    /// before them but cannot trade there.
    /// </summary>
    internal static BacktestResult RunOutOfSample(BacktestSettings settings, BarSeries series, Bar[] bars, WalkForwardWindow window, IStrategySpec chosen, int warmUp = 0)
    {
        var oosStart = bars[window.OosStart].Timestamp;
        return Backtester.Run(settings, [Slice(series, bars, SliceStart(window, warmUp), window.OosEnd)], [() => new GatedStrategy(chosen.Create(), oosStart)]);
    }

    /// <summary>
    /// Where a window's bars are read from: a window that starts at the first bar traded (<c>--from</c>) also
    /// reads the <paramref name="warmUp"/> bars before it, so indicators are ready when it starts.
    /// </summary>
    internal static int SliceStart(WalkForwardWindow window, int warmUp) => warmUp > 0 && window.IsStart == warmUp ? 0 : window.IsStart;

    /// <summary>An in-sample run that read warm-up bars trades only from the window's first bar.</summary>
    internal static BacktestSettings InSampleSettings(BacktestSettings settings, Bar[] bars, WalkForwardWindow window, int warmUp) =>
        SliceStart(window, warmUp) < window.IsStart ? settings with { TradeFrom = bars[window.IsStart].Timestamp } : settings;

    internal static BarSeries Slice(BarSeries series, Bar[] bars, int from, int to) => new(series.Symbol, series.Timeframe, bars[from..to]);
}
