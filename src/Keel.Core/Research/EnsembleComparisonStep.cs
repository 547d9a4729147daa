using Keel.Core.Strategies;

namespace Keel.Core.Research;

/// <summary>
/// One window of an ensemble comparison: its dates, the member parameters chosen in sample (every
/// ensemble of the window uses these), per member how far to trust the choice (null when fixed), and
/// which member scored best in sample (<see cref="CandidateKind.InSampleChoice"/>; null without in-sample bars).
/// </summary>
public sealed record EnsembleComparisonStep(WalkForwardWindow Window, DateTime? IsFrom, DateTime OosFrom, DateTime OosTo,
    IReadOnlyList<StrategySpec> Members, IReadOnlyList<TuningStatistics?> Tuning, int? InSampleChoice);
