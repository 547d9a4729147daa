using Keel.Core.Metrics;
using Keel.Core.Strategies;

namespace Keel.Core.Research;

/// <summary>One parameter combination of a sweep and how it did; every trial is kept (overfitting statistics need them all).</summary>
public sealed record SweepTrial(StrategySpec Spec, PerformanceMetrics Metrics, double DailySharpe, int ClosedTrades);
