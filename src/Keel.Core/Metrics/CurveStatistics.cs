using Keel.Core.Trading;

namespace Keel.Core.Metrics;

/// <summary>
/// Everything the metrics need from the equity curve, gathered in one pass without allocating:
/// per-bar return moments, the deepest and longest drawdown, and the bars with a position
/// (computed by <see cref="CurveAccumulator"/>).
/// </summary>
internal readonly record struct CurveStatistics(
    int ReturnCount,
    double MeanReturn,
    double ReturnStdDev,
    double DownsideDeviation,
    double MaxDrawdownPct,
    TimeSpan MaxDrawdownDuration,
    double ExposurePct,
    TimeSpan Elapsed)
{
    public static CurveStatistics Of(IReadOnlyList<EquityPoint> curve, double startingEquity)
    {
        var accumulator = new CurveAccumulator(startingEquity);
        for (var i = 0; i < curve.Count; i++) accumulator.Add(curve[i]);
        return accumulator.Statistics();
    }
}
