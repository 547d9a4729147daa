using Keel.Core.Metrics;
using Keel.Core.Trading;

namespace Keel.Core.Research;

/// <summary>
/// A finished walk-forward: every window, the out-of-sample equity curves stitched end to end (each
/// window compounding on the last), their metrics, and the walk-forward efficiency (annualised stitched
/// out-of-sample return over the mean annualised in-sample return; NaN when in-sample did not make money).
/// </summary>
public sealed record WalkForwardResult(
    IReadOnlyList<WalkForwardStep> Steps,
    IReadOnlyList<EquityPoint> OutOfSampleCurve,
    PerformanceMetrics OutOfSample,
    double Efficiency);
