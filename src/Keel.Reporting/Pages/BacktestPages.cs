namespace Keel.Reporting.Pages;

/// <summary>What the results folder holds, for the dashboard's backtests page (and any report that wants it).</summary>
public sealed record BacktestsPage(string Folder, IReadOnlyList<ComparisonTable> Comparisons, IReadOnlyList<SweepGrid> Sweeps, IReadOnlyList<RunListing> Runs);

/// <summary>A summary CSV (strategy_comparison.csv, ensemble_comparison.csv) and the equity curves of its rows, where saved.</summary>
public sealed record ComparisonTable(string File, IReadOnlyList<ComparisonRow> Rows, IReadOnlyList<ChartSeries> Curves);

public sealed record ComparisonRow(string Label, string Strategy, string Symbol, string Costs, double TotalReturnPct, double MaxDrawdownPct,
    double Sharpe, double WinRatePct, int Trades, double ExpectancyPerTrade, double EndingEquity);

/// <summary>A sweep's metric over its first two parameters (the best value over any further ones), rows = y, columns = x.</summary>
public sealed record SweepGrid(string File, string Metric, string XName, string YName, double[] Xs, double[] Ys, double?[][] Values, int Trials);

/// <summary>A single backtest folder (backtest --out) as the backtests page lists it: its summary row; its page is <see cref="RunPage"/>.</summary>
public sealed record RunListing(string Folder, ComparisonRow? Summary, bool HasPrices);

/// <summary>
/// One backtest folder's page: its summary, its equity curve, and per symbol the price (close, at most two points
/// per pixel column) with every trade's entry and exit at its fill time and price. <see cref="Note"/> says what is
/// missing (a folder from before prices.csv has no price chart).
/// </summary>
public sealed record RunPage(string Folder, ComparisonRow? Summary, ChartSeries Equity, IReadOnlyList<PriceChart> Prices, string? Note);

public sealed record PriceChart(string Symbol, ChartSeries Close, IReadOnlyList<TradeMarker> Trades);

/// <summary>A closed trade as a chart draws it: entry and exit at their fill times (Unix ms) and prices, with their reasons.</summary>
public sealed record TradeMarker(string Strategy, string Symbol, long EntryT, double EntryPrice, long ExitT, double ExitPrice, double NetPnl,
    string EntryReason, string ExitReason);
