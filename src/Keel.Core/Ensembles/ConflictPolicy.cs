namespace Keel.Core.Ensembles;

/// <summary>What an ensemble does when some members buy and others sell on the same bar.</summary>
public enum ConflictPolicy : byte
{
    /// <summary>Hold: members that disagree are not a signal.</summary>
    Skip,

    /// <summary>
    /// Follow the side with more support, if it still passes the threshold, with its confidence scaled
    /// by the net agreement (for − against) / (for + against). A signal has no size, so the smaller
    /// position is expressed as lower confidence: Keel's sizing does not read confidence yet, and a
    /// later sizing step that scales by it turns this into a smaller order.
    /// </summary>
    ReduceSize,
}
