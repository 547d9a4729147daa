namespace Keel.Core.Gates;

/// <summary>
/// What the store says about the paper trading of one version: its period, its trades, and whether the
/// journal and the risk controls held. Built by <see cref="PaperRecordReader"/>.
/// </summary>
public sealed record PaperRecord
{
    public required string Version { get; init; }
    /// <summary>The first session start of this version (after the last start of another one); null when it never ran on paper.</summary>
    public DateTime? From { get; init; }
    public DateTime? To { get; init; }
    public double Days => From is { } f && To is { } t ? Math.Max(0, (t - f).TotalDays) : 0;
    public int Trades { get; init; }
    public int FilledOrders { get; init; }
    /// <summary>Filled orders with no reason, or strategy orders with no decision at their bar.</summary>
    public IReadOnlyList<string> Unexplained { get; init; } = [];
    /// <summary>Days whose loss went past the daily loss limit without entries being halted.</summary>
    public IReadOnlyList<string> DailyLossBreaches { get; init; } = [];
    public double WorstDayPct { get; init; }
    /// <summary>Entries over the quantity or notional cap, or opened past the max open positions.</summary>
    public IReadOnlyList<string> CapBreaches { get; init; } = [];
    /// <summary>
    /// Trades that stayed open past a reached stop-loss or take-profit level (<see cref="StopLevelCheck"/>, when the
    /// period's bars were at hand: <see cref="StopsCheckedOnBars"/>); without bars, trades that lost well past the
    /// stop loss (more than the stop plus its own half again: a gap can pass a stop).
    /// </summary>
    public IReadOnlyList<string> StopBreaches { get; init; } = [];
    public bool StopsCheckedOnBars { get; init; }
    /// <summary>Trades whose stop-loss or take-profit level the bars reached (when checked on bars).</summary>
    public int StopsReached { get; init; }
    public string? LastReconciliation { get; init; }
    public bool ReconciliationClean { get; init; } = true;
    /// <summary>Critical alerts of the period neither resolved nor acknowledged (<see cref="PaperRecordReader.OpenCriticalAlerts"/>).</summary>
    public int OpenCriticalAlerts { get; init; }
    public DriftSummary? Drift { get; init; }
}
