namespace Keel.Core.Metrics;

/// <summary>
/// The summary statistics of a run. Percentages are in percent (12.5 = 12.5%). Sharpe and Sortino
/// are annualised from per-bar returns with a zero risk-free rate (see <see cref="PeriodsPerYear"/>).
/// </summary>
public sealed record PerformanceMetrics
{
    public required decimal StartingEquity { get; init; }
    public required decimal EndingEquity { get; init; }
    public decimal TotalPnl => EndingEquity - StartingEquity;
    public required double TotalReturnPct { get; init; }
    public required double CagrPct { get; init; }
    public required int Trades { get; init; }
    public required double WinRatePct { get; init; }
    public required decimal AverageWin { get; init; }
    public required decimal AverageLoss { get; init; }
    /// <summary>Gross profit of winners over gross loss of losers; +∞ with no losers, 0 with no winners.</summary>
    public required double ProfitFactor { get; init; }
    /// <summary>Average net P&amp;L per trade.</summary>
    public required decimal Expectancy { get; init; }
    public required double MaxDrawdownPct { get; init; }
    /// <summary>Longest time from a peak to the recovery of that peak (or to the end if never recovered).</summary>
    public required TimeSpan MaxDrawdownDuration { get; init; }
    public required double Sharpe { get; init; }
    public required double Sortino { get; init; }
    /// <summary>CAGR over max drawdown (both in percent); 0 without a drawdown.</summary>
    public required double Calmar { get; init; }
    /// <summary>Share of bars with an open position, in percent.</summary>
    public required double ExposurePct { get; init; }
    public required decimal TotalCommissions { get; init; }
    public required decimal TotalSlippage { get; init; }
    /// <summary>Bars per year used to annualise: 252 trading days for equities, 365 for crypto, times bars per day.</summary>
    public required double PeriodsPerYear { get; init; }
}
