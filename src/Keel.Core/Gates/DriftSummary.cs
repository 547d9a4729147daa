namespace Keel.Core.Gates;

/// <summary>
/// The paper period against its replay through the backtester (<c>keel drift</c>): trades matched by
/// (strategy, symbol, decision bar), missed (replay only), extra (paper only), mispriced (matched, fill
/// price off by more than the tolerance), and the two returns.
/// </summary>
public sealed record DriftSummary(int Matched, int Missed, int Extra, int Mispriced, double PaperReturnPct, double ReplayReturnPct)
{
    /// <summary>Paper's return minus the replay's, in percentage points.</summary>
    public double ReturnDifferencePct => PaperReturnPct - ReplayReturnPct;
}
