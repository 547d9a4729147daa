using Keel.Core.Backtest;
using Keel.Core.Metrics;
using Keel.Core.Trading;

namespace Keel.Core.Research;

/// <summary>
/// One strategy's out-of-sample windows chained into one record: each window's equity curve is rescaled to
/// start where the previous window ended (so the windows compound), with their trades and costs.
/// </summary>
internal sealed class OutOfSampleRecord(BacktestSettings settings, double periodsPerYear)
{
    private readonly List<EquityPoint> _curve = [];
    private readonly List<Trade> _trades = [];
    private decimal _equity = settings.StartingCash;
    private decimal _commissions;
    private decimal _slippage;

    public IReadOnlyList<EquityPoint> Curve => _curve;

    /// <summary>The stitched equity after the last window added: the starting cash grown by every window's return.</summary>
    public decimal Equity => _equity;

    /// <summary>
    /// Adds a window: <paramref name="run"/> covered the in-sample warm-up and the window, trading only from
    /// <paramref name="oosStart"/> (<see cref="GatedStrategy"/>); returns the window's own metrics.
    /// </summary>
    public PerformanceMetrics Add(BacktestResult run, DateTime oosStart)
    {
        var window = run.EquityCurve.Where(p => p.Time >= oosStart).ToList();
        // Nothing can happen before the gate opens, so each window starts from the starting cash.
        var metrics = PerformanceCalculator.Compute(window, run.Trades, settings.StartingCash, run.FinalEquity,
            periodsPerYear, run.Metrics.TotalCommissions, run.Metrics.TotalSlippage);
        var scale = (double)(_equity / settings.StartingCash);
        foreach (var p in window) _curve.Add(new EquityPoint(p.Time, p.Equity * scale, p.Cash * scale, p.PositionValue * scale));
        _equity = _equity * run.FinalEquity / settings.StartingCash;
        _trades.AddRange(run.Trades);
        _commissions += run.Metrics.TotalCommissions;
        _slippage += run.Metrics.TotalSlippage;
        return metrics;
    }

    /// <summary>The metrics of the stitched record.</summary>
    public PerformanceMetrics Metrics() =>
        PerformanceCalculator.Compute(_curve, _trades, settings.StartingCash, _equity, periodsPerYear, _commissions, _slippage);

    /// <summary>The stitched record's daily returns (for correlations between strategies).</summary>
    public double[] DailyReturns() => Keel.Core.Metrics.DailyReturns.Of(_curve, (double)settings.StartingCash);

    public IReadOnlyList<Trade> Trades => _trades;
}
