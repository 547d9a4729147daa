namespace Keel.Reporting.Pages;

/// <summary>What the results folder holds, for the dashboard's backtests page (and any report that wants it).</summary>
public sealed record BacktestsPage(string Folder, IReadOnlyList<ComparisonTable> Comparisons, IReadOnlyList<SweepGrid> Sweeps, IReadOnlyList<SingleRun> Runs);

/// <summary>A summary CSV (strategy_comparison.csv, ensemble_comparison.csv) and the equity curves of its rows, where saved.</summary>
public sealed record ComparisonTable(string File, IReadOnlyList<ComparisonRow> Rows, IReadOnlyList<ChartSeries> Curves);

public sealed record ComparisonRow(string Label, string Strategy, string Symbol, string Costs, double TotalReturnPct, double MaxDrawdownPct,
    double Sharpe, double WinRatePct, int Trades, double ExpectancyPerTrade, double EndingEquity);

/// <summary>A sweep's metric over its first two parameters (the best value over any further ones), rows = y, columns = x.</summary>
public sealed record SweepGrid(string File, string Metric, string XName, string YName, double[] Xs, double[] Ys, double?[][] Values, int Trials);

/// <summary>A single backtest folder (backtest --out): its equity curve and its trades as entry/exit markers.</summary>
public sealed record SingleRun(string Folder, ChartSeries Equity, IReadOnlyList<TradeMarker> Markers);

public sealed record TradeMarker(long EntryT, double EntryPrice, long ExitT, double ExitPrice, string Symbol, double NetPnl);
