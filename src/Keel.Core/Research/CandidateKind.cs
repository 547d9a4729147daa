namespace Keel.Core.Research;

/// <summary>What a candidate of an <see cref="EnsembleComparison"/> is.</summary>
public enum CandidateKind
{
    /// <summary>One member alone.</summary>
    Member,

    /// <summary>
    /// In each window, the one member whose in-sample score (the tuning metric) was best, traded alone: the
    /// single strategy a trader would have picked without hindsight, unlike the best member after the fact.
    /// </summary>
    InSampleChoice,

    /// <summary>A voting method over the members.</summary>
    Ensemble,
}
