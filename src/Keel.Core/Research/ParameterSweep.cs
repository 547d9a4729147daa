using Keel.Core.Backtest;
using Keel.Core.Domain;
using Keel.Core.Indicators;
using Keel.Core.Metrics;

namespace Keel.Core.Research;

/// <summary>
/// Runs every combination of a <see cref="ParameterGrid"/> as its own backtest (each over all the given
/// series together), in parallel, keeping each trial's metrics and daily returns; then picks the best
/// by a metric and computes the deflated Sharpe ratio and the PBO. Trials are independent and their
/// results are stored by index, so the outcome does not depend on thread timing. What trials have in
/// common is done once: each series' indicators are computed once (<see cref="IndicatorCache"/>) and
/// read by every trial, and trials keep no journal, equity curve or trade list, only what the sweep reads.
/// </summary>
public static class ParameterSweep
{
    public static readonly IReadOnlyList<string> Metrics = ["sharpe", "return", "sortino", "calmar"];

    /// <param name="indicators">The caches to compute indicators into (<see cref="IndicatorCache.PerSeries"/>), so that the
    /// caller can read them afterwards; new ones when null.</param>
    public static SweepResult Run(BacktestSettings settings, IReadOnlyList<BarSeries> data, ParameterGrid grid, string metric = "sharpe",
        int maxParallelism = 0, Action? onTrialDone = null, IReadOnlyDictionary<BarSeries, IndicatorCache>? indicators = null)
    {
        var score = Score(metric);
        var specs = grid.Specs;
        if (specs.Count == 0) throw new ArgumentException("The grid has no valid combination to run.");
        settings = settings with { KeepJournal = false, KeepEquityCurve = false, KeepTrades = false };
        indicators ??= IndicatorCache.PerSeries(data);
        var trials = new SweepTrial[specs.Count];
        var daily = new double[specs.Count][];
        Parallel.For(0, specs.Count, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism > 0 ? maxParallelism : Environment.ProcessorCount }, i =>
        {
            var spec = specs[i];
            var result = Backtester.Run(settings, data, [series => spec.Create(indicators[series])]);
            daily[i] = [.. result.DailyReturns];
            trials[i] = new SweepTrial(spec, result.Metrics, ReturnMoments.Of(daily[i]).Sharpe, result.Metrics.Trades);
            onTrialDone?.Invoke();
        });

        var best = trials.MaxBy(t => score(t.Metrics))!;
        var bestIndex = Array.IndexOf(trials, best);
        var deflated = SharpeStatistics.Deflated(daily[bestIndex], trials.Select(t => t.DailySharpe).ToList());
        var (pbo, note) = Overfitting(daily);
        return new SweepResult(trials, best, metric, deflated, pbo, note, grid.SkippedInvalid);
    }

    private static (OverfittingEstimate?, string?) Overfitting(double[][] daily)
    {
        if (daily.Length < 2) return (null, "PBO needs at least 2 trials");
        var periods = daily[0].Length;
        var partitions = Math.Min(BacktestOverfitting.DefaultPartitions, periods / 2 * 2);
        if (partitions < 2) return (null, $"PBO needs at least 2 daily returns, the data has {periods}");
        var matrix = new double[periods, daily.Length];
        for (var n = 0; n < daily.Length; n++)
            for (var t = 0; t < periods; t++) matrix[t, n] = daily[n][t];
        return (BacktestOverfitting.Estimate(matrix, partitions), partitions < BacktestOverfitting.DefaultPartitions ? $"only {partitions} partitions: few days of data" : null);
    }

    /// <summary>The value a metric name ranks trials by (higher is better).</summary>
    public static Func<PerformanceMetrics, double> Score(string metric) => metric.ToLowerInvariant() switch
    {
        "sharpe" => m => m.Sharpe,
        "return" => m => m.TotalReturnPct,
        "sortino" => m => m.Sortino,
        "calmar" => m => m.Calmar,
        _ => throw new FormatException($"Metric '{metric}' is unknown; use {string.Join(", ", Metrics)}."),
    };
}
