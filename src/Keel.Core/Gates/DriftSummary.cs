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

    /// <summary>
    /// The return difference allowed at <paramref name="maxDriftPercent"/>: that percent of the replay's return, and
    /// never less than that many hundredths of a point (a flat replay would otherwise allow nothing).
    /// </summary>
    public double AllowedDifferencePct(double maxDriftPercent) => Math.Max(maxDriftPercent / 100 * Math.Abs(ReplayReturnPct), maxDriftPercent / 100);

    /// <summary>Paper keeps to the backtest: no missed or extra trade, and the return difference within <see cref="AllowedDifferencePct"/> (the gate and the nightly drift alert share this).</summary>
    public bool WithinTolerance(double maxDriftPercent) => Missed == 0 && Extra == 0 && Math.Abs(ReturnDifferencePct) <= AllowedDifferencePct(maxDriftPercent);
}
