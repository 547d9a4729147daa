namespace Keel.Core.Gates;

/// <summary>
/// The go/no-go thresholds (the config's <c>gates</c> section); the defaults are the plan's. Percents are
/// in percent (20 = 20%).
/// </summary>
public sealed record GateThresholds
{
    /// <summary>Post-cost Sharpe over the backtest must be above this.</summary>
    public double MinSharpe { get; init; } = 0.5;
    public double MaxDrawdownWarnPercent { get; init; } = 20;
    public double MaxDrawdownFailPercent { get; init; } = 30;
    public double MinWinRatePercent { get; init; } = 40;
    public double MaxWinRatePercent { get; init; } = 60;
    /// <summary>A post-cost win rate above this in a backtest is a warning: possible overfit.</summary>
    public double WinRateOverfitWarnPercent { get; init; } = 50;
    /// <summary>Deflated Sharpe (the probability the true Sharpe is positive) below this is a warning.</summary>
    public double MinDeflatedSharpe { get; init; } = 0.95;
    /// <summary>Probability of backtest overfitting above this fails.</summary>
    public double MaxPbo { get; init; } = 0.5;
    /// <summary>Share of the backtest's bars (from the start) used as the in-sample part; the rest is traded out of sample.</summary>
    public double OutOfSampleFraction { get; init; } = 0.3;
    public double MinPositiveMonthsPercent { get; init; } = 50;
    /// <summary>The worst calendar month's return must stay above this (a negative percent).</summary>
    public double WorstMonthFloorPercent { get; init; } = -10;
    /// <summary>The worst single trade's loss as a share of the starting equity must stay under this.</summary>
    public double MaxSingleTradeLossPercent { get; init; } = 5;
    /// <summary>Daily-return correlation between two strategies above this is a warning.</summary>
    public double MaxCorrelation { get; init; } = 0.7;
    public int MinPaperDays { get; init; } = 30;
    public int MinPaperTrades { get; init; } = 20;
    /// <summary>Paper return may differ from the replay's by at most this share of the replay's return (percent), or this many points when the replay's return is near zero.</summary>
    public double MaxPaperDriftPercent { get; init; } = 5;
    /// <summary>A passing gate older than this does not let <c>keel live</c> start.</summary>
    public int MaxGateAgeDays { get; init; } = 7;
    /// <summary>Calendar days of history the backtest evidence covers (up to what the data source serves).</summary>
    public int BacktestDays { get; init; } = 730;

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (MaxDrawdownWarnPercent <= 0 || MaxDrawdownFailPercent < MaxDrawdownWarnPercent) problems.Add("maxDrawdownWarnPercent must be positive and at most maxDrawdownFailPercent");
        if (MinWinRatePercent < 0 || MaxWinRatePercent > 100 || MinWinRatePercent > MaxWinRatePercent) problems.Add("minWinRatePercent..maxWinRatePercent must be a range within 0..100");
        if (MinDeflatedSharpe is < 0 or > 1) problems.Add("minDeflatedSharpe is a probability: 0..1");
        if (MaxPbo is < 0 or > 1) problems.Add("maxPbo is a probability: 0..1");
        if (OutOfSampleFraction is <= 0 or >= 1) problems.Add("outOfSampleFraction must be between 0 and 1");
        if (MinPositiveMonthsPercent is < 0 or > 100) problems.Add("minPositiveMonthsPercent must be within 0..100");
        if (MaxSingleTradeLossPercent <= 0) problems.Add("maxSingleTradeLossPercent must be positive");
        if (MaxCorrelation is < -1 or > 1) problems.Add("maxCorrelation must be within -1..1");
        if (MinPaperDays < 0 || MinPaperTrades < 0) problems.Add("minPaperDays and minPaperTrades cannot be negative");
        if (MaxPaperDriftPercent < 0) problems.Add("maxPaperDriftPercent cannot be negative");
        if (MaxGateAgeDays <= 0) problems.Add("maxGateAgeDays must be positive");
        if (BacktestDays <= 0) problems.Add("backtestDays must be positive");
        return problems;
    }
}
