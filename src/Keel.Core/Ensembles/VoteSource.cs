namespace Keel.Core.Ensembles;

/// <summary>What an ensemble's members vote with.</summary>
public enum VoteSource : byte
{
    /// <summary>
    /// The signals of this bar. Members whose signals are events (a crossover happens on one bar)
    /// rarely speak on the same bar, so such ensembles trade rarely.
    /// </summary>
    Signals,

    /// <summary>
    /// Each member's stance: long from its buy until its sell, flat otherwise (what its own signals
    /// would hold). The ensemble is long while the long members' support passes the entry bar and
    /// exits once it no longer passes the exit bar; conflicts cannot arise. Each member sees its own
    /// hypothetical position as its context, so "buy while flat" rules follow the member's own stance.
    /// </summary>
    Stances,
}
