namespace Keel.Core.Research;

/// <summary>
/// A finished sweep: every trial, the best one by the chosen metric, and the statistics that say how
/// much to trust that choice: the deflated Sharpe ratio of the best trial given all trials, and the
/// probability of backtest overfitting (CSCV) over the trials' daily returns.
/// </summary>
public sealed record SweepResult(
    IReadOnlyList<SweepTrial> Trials,
    SweepTrial Best,
    string Metric,
    double DeflatedSharpe,
    OverfittingEstimate? Overfitting,
    string? OverfittingNote,
    int SkippedInvalid);
