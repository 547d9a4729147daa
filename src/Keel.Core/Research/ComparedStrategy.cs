using Keel.Core.Metrics;
using Keel.Core.Trading;

namespace Keel.Core.Research;

/// <summary>
/// A member alone or an ensemble in an <see cref="EnsembleComparison"/>: its out-of-sample windows
/// stitched (metrics, curve, daily returns, trades) and each window's own metrics.
/// </summary>
public sealed record ComparedStrategy(
    string Name,
    bool IsEnsemble,
    PerformanceMetrics OutOfSample,
    IReadOnlyList<PerformanceMetrics> PerWindow,
    IReadOnlyList<EquityPoint> Curve,
    IReadOnlyList<double> DailyReturns,
    IReadOnlyList<Trade> Trades);
