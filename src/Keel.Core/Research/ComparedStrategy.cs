using Keel.Core.Metrics;
using Keel.Core.Trading;

namespace Keel.Core.Research;

/// <summary>
/// A candidate of an <see cref="EnsembleComparison"/> (a member alone, the member chosen in sample, or an
/// ensemble): its out-of-sample windows stitched (metrics, curve, daily returns, trades) and each window's own metrics.
/// </summary>
public sealed record ComparedStrategy(
    string Name,
    CandidateKind Kind,
    PerformanceMetrics OutOfSample,
    IReadOnlyList<PerformanceMetrics> PerWindow,
    IReadOnlyList<EquityPoint> Curve,
    IReadOnlyList<double> DailyReturns,
    IReadOnlyList<Trade> Trades)
{
    public bool IsEnsemble => Kind == CandidateKind.Ensemble;
}
