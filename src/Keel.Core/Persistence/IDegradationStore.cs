using Keel.Core.Degradation;
using Keel.Core.Drift;

namespace Keel.Core.Persistence;

/// <summary>
/// What the service holds live trading against: the backtest expectation of each strategy, stored once per
/// version when it starts, and the nightly drift runs (one per trading day). The trading stores implement it.
/// </summary>
public interface IDegradationStore
{
    /// <summary>Stores the expectations of one version (all its strategies in one write).</summary>
    void RecordExpectations(IReadOnlyList<BacktestExpectation> expectations);

    /// <summary>The expectations stored for <paramref name="version"/> (the latest of each strategy), or empty.</summary>
    IReadOnlyList<BacktestExpectation> Expectations(string version);

    /// <summary>Stores a nightly drift run; false when the run of that day is stored already.</summary>
    bool RecordDriftRun(DriftRun run);

    /// <summary>The newest nightly drift run, or null.</summary>
    DriftRun? LatestDriftRun();
}
