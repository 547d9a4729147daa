namespace Keel.Core.Ensembles;

/// <summary>How an <see cref="EnsembleStrategy"/> turns its members' signals into one.</summary>
public enum VotingMethod : byte
{
    /// <summary>Act when at least <see cref="EnsembleOptions.MinAgree"/> members signal the same way.</summary>
    Consensus,

    /// <summary>
    /// Each member's vote counts by its recent hypothetical performance (its rolling mean per-bar return
    /// while following its own signals); act when the weight behind one side exceeds the threshold.
    /// </summary>
    PerformanceWeighted,

    /// <summary>Act when Σ weight · confidence · direction (equal weights 1/M, buy +1, sell −1) exceeds the threshold.</summary>
    ConfidenceScored,
}
