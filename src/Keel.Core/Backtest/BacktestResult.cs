using Keel.Core.Domain;
using Keel.Core.Metrics;
using Keel.Core.Trading;

namespace Keel.Core.Backtest;

/// <summary>The outcome of one backtest: its statistics, every trade, the equity curve and the full journal.</summary>
public sealed record BacktestResult
{
    public required BacktestSettings Settings { get; init; }
    public required IReadOnlyList<string> Strategies { get; init; }
    public required IReadOnlyList<Symbol> Symbols { get; init; }
    public required Timeframe Timeframe { get; init; }
    /// <summary>The asset class whose year annualised the ratios (<see cref="PerformanceMetrics.PeriodsPerYear"/>).</summary>
    public required AssetClass AssetClass { get; init; }
    /// <summary>Why that class: the symbols', or the rule for a mix.</summary>
    public required string AssetClassRule { get; init; }
    /// <summary>Bars fed to the kernel (all symbols).</summary>
    public required long Bars { get; init; }
    /// <summary>Bars before <see cref="BacktestSettings.TradeFrom"/> that only warmed the strategies up (all symbols).</summary>
    public long WarmUpBars { get; init; }
    public required PerformanceMetrics Metrics { get; init; }
    /// <summary>Every closed trade; empty when <see cref="BacktestSettings.KeepTrades"/> is off (<see cref="PerformanceMetrics.Trades"/> still counts them).</summary>
    public required IReadOnlyList<Trade> Trades { get; init; }
    /// <summary>One point per timestamp; empty when <see cref="BacktestSettings.KeepEquityCurve"/> is off.</summary>
    public required IReadOnlyList<EquityPoint> EquityCurve { get; init; }
    /// <summary>The equity's simple return over each UTC day (see <see cref="Metrics.DailyReturns"/>), kept or not.</summary>
    public required IReadOnlyList<double> DailyReturns { get; init; }
    public required IReadOnlyList<OrderEvent> OrderEvents { get; init; }
    /// <summary>Orders refused (by risk or the broker) and resized, by reason; counted even when the journal is not kept.</summary>
    public required OrderTally OrderTally { get; init; }
    public required IReadOnlyList<Decision> Decisions { get; init; }
    /// <summary>Exact final equity: cash plus open positions at the last close.</summary>
    public required decimal FinalEquity { get; init; }
    public required decimal FinalCash { get; init; }
    /// <summary>Quantity still held at the end (non-zero only with <see cref="BacktestSettings.CloseAtEnd"/> off).</summary>
    public required decimal OpenQuantity { get; init; }
}
