using Keel.Core.Metrics;
using Keel.Core.Strategies;
using Keel.Core.Trading;

namespace Keel.Core.Research;

/// <summary>One window of a walk-forward: the parameters chosen in sample, how far to trust that choice, and how both periods went.</summary>
public sealed record WalkForwardStep(
    WalkForwardWindow Window,
    DateTime IsFrom,
    DateTime OosFrom,
    DateTime OosTo,
    StrategySpec Chosen,
    TuningStatistics Tuning,
    PerformanceMetrics InSample,
    PerformanceMetrics OutOfSample,
    IReadOnlyList<Trade> OutOfSampleTrades);
