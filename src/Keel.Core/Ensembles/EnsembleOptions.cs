namespace Keel.Core.Ensembles;

/// <summary>
/// How an <see cref="EnsembleStrategy"/> votes. Thresholds to buy may differ from those to sell, so an
/// ensemble can demand more agreement to open a position than to close one.
/// </summary>
public sealed record EnsembleOptions
{
    public const int DefaultMinAgree = 2;
    public const double DefaultThreshold = 0.5;
    public const int DefaultWindow = 20;

    public VotingMethod Method { get; init; } = VotingMethod.Consensus;

    /// <summary>Consensus: members that must sell together to sell (and buy together to buy, unless <see cref="EntryMinAgree"/>).</summary>
    public int MinAgree { get; init; } = DefaultMinAgree;

    /// <summary>Consensus: members that must buy together to buy; null = <see cref="MinAgree"/>.</summary>
    public int? EntryMinAgree { get; init; }

    /// <summary>
    /// PerformanceWeighted: the weight behind sells must exceed this to sell. ConfidenceScored: the
    /// score must be below −this to sell. In [0, 1); default 0.5 (a weighted majority).
    /// </summary>
    public double Threshold { get; init; } = DefaultThreshold;

    /// <summary>The same for buys (weight or score must exceed it); null = <see cref="Threshold"/>.</summary>
    public double? EntryThreshold { get; init; }

    public ConflictPolicy Conflict { get; init; } = ConflictPolicy.Skip;

    /// <summary>Vote with this bar's signals (default) or with each member's current stance.</summary>
    public VoteSource Votes { get; init; } = VoteSource.Signals;

    /// <summary>Bars of hypothetical member returns behind the performance weights and the member correlation.</summary>
    public int Window { get; init; } = DefaultWindow;

    public int EffectiveEntryMinAgree => EntryMinAgree ?? MinAgree;
    public double EffectiveEntryThreshold => EntryThreshold ?? Threshold;

    /// <summary>Why these options cannot drive <paramref name="memberCount"/> members, or null.</summary>
    public string? Check(int memberCount)
    {
        if (Window < 2) return $"window must be at least 2 bars, got {Window}";
        if (Method == VotingMethod.Consensus)
        {
            if (MinAgree < 1 || MinAgree > memberCount) return $"min must be between 1 and the {memberCount} members, got {MinAgree}";
            if (EffectiveEntryMinAgree < 1 || EffectiveEntryMinAgree > memberCount)
                return $"entry must be between 1 and the {memberCount} members, got {EffectiveEntryMinAgree}";
            return null;
        }
        if (!(Threshold >= 0 && Threshold < 1)) return $"threshold must be within [0, 1), got {Threshold}";
        if (!(EffectiveEntryThreshold >= 0 && EffectiveEntryThreshold < 1)) return $"entry must be within [0, 1), got {EffectiveEntryThreshold}";
        return null;
    }
}
