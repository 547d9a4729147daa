using Keel.Core.Trading;
using Keel.Reporting.Csv;

namespace Keel.Reporting;

/// <summary>
/// Writes run results as CSV: the closed trades, the equity curve, and a one-row-per-run summary.
/// Invariant culture, '\n' line ends, decimals exactly as stored, doubles in round-trip ("R") form
/// (profit factor +∞ is written <c>Infinity</c>), times as <c>yyyy-MM-ddTHH:mm:ssZ</c> in UTC.
/// </summary>
public static class ResultCsvWriter
{
    public static void WriteTrades(string path, IEnumerable<Trade> trades)
    {
        using var file = ReportFile.Create(path);
        WriteTrades(file, trades);
    }

    /// <summary>
    /// Columns: strategy, symbol, entry_time, entry_price, exit_time, exit_price, quantity, gross_pnl,
    /// fees, slippage, net_pnl, return_pct, entry_reason, exit_reason.
    /// </summary>
    public static void WriteTrades(TextWriter writer, IEnumerable<Trade> trades)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(trades);
        var csv = new CsvLineWriter(writer);
        csv.Header("strategy", "symbol", "entry_time", "entry_price", "exit_time", "exit_price", "quantity",
            "gross_pnl", "fees", "slippage", "net_pnl", "return_pct", "entry_reason", "exit_reason");
        foreach (var t in trades)
        {
            csv.Field(CsvFormat.Text(t.Strategy))
                .Field(CsvFormat.Text(t.Symbol.Ticker))
                .Field(CsvFormat.Time(t.EntryTime))
                .Field(CsvFormat.Decimal(t.EntryPrice))
                .Field(CsvFormat.Time(t.ExitTime))
                .Field(CsvFormat.Decimal(t.ExitPrice))
                .Field(CsvFormat.Decimal(t.Quantity))
                .Field(CsvFormat.Decimal(t.GrossPnl))
                .Field(CsvFormat.Decimal(t.Fees))
                .Field(CsvFormat.Decimal(t.Slippage))
                .Field(CsvFormat.Decimal(t.NetPnl))
                .Field(CsvFormat.Double(t.ReturnPct))
                .Field(CsvFormat.Text(t.EntryReason))
                .Field(CsvFormat.Text(t.ExitReason))
                .EndLine();
        }
    }

    public static void WriteEquityCurve(string path, IReadOnlyList<EquityPoint> curve, decimal startingEquity)
    {
        using var file = ReportFile.Create(path);
        WriteEquityCurve(file, curve, startingEquity);
    }

    /// <summary>
    /// Columns: timestamp, equity, cash, position_value, drawdown_pct. The drawdown is a positive
    /// percent below the running peak (which starts at <paramref name="startingEquity"/>), so its
    /// largest value equals the run's max_drawdown_pct.
    /// </summary>
    public static void WriteEquityCurve(TextWriter writer, IReadOnlyList<EquityPoint> curve, decimal startingEquity)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(curve);
        var drawdowns = DrawdownSeries.Percentages(curve, startingEquity);
        var csv = new CsvLineWriter(writer);
        csv.Header("timestamp", "equity", "cash", "position_value", "drawdown_pct");
        for (var i = 0; i < curve.Count; i++)
        {
            var p = curve[i];
            csv.Field(CsvFormat.Time(p.Time))
                .Field(CsvFormat.Double(p.Equity))
                .Field(CsvFormat.Double(p.Cash))
                .Field(CsvFormat.Double(p.PositionValue))
                .Field(CsvFormat.Double(drawdowns[i]))
                .EndLine();
        }
    }

    public static void WriteSummary(string path, IReadOnlyList<SummaryRow> rows)
    {
        using var file = ReportFile.Create(path);
        WriteSummary(file, rows);
    }

    /// <summary>
    /// One row per run: strategy, symbol, costs, then every metric in snake_case, the asset class and the
    /// counts of refused and resized orders, and the SHA-256 of the strategy's code. Percentages are in
    /// percent; max_drawdown_days is the longest drawdown in (fractional) days.
    /// </summary>
    public static void WriteSummary(TextWriter writer, IReadOnlyList<SummaryRow> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        var csv = new CsvLineWriter(writer);
        csv.Header("strategy", "symbol", "costs", "total_return_pct", "cagr_pct", "trades", "win_rate_pct",
            "avg_win", "avg_loss", "profit_factor", "expectancy", "max_drawdown_pct", "max_drawdown_days",
            "sharpe", "sortino", "calmar", "exposure_pct", "commissions", "slippage", "starting_equity",
            "ending_equity", "total_pnl", "periods_per_year", "asset_class", "rejected_orders", "resized_orders", "code_sha256");
        foreach (var row in rows)
        {
            var m = row.Metrics;
            csv.Field(CsvFormat.Text(row.Strategy))
                .Field(CsvFormat.Text(row.Symbol))
                .Field(CsvFormat.Text(row.Costs))
                .Field(CsvFormat.Double(m.TotalReturnPct))
                .Field(CsvFormat.Double(m.CagrPct))
                .Field(CsvFormat.Int(m.Trades))
                .Field(CsvFormat.Double(m.WinRatePct))
                .Field(CsvFormat.Decimal(m.AverageWin))
                .Field(CsvFormat.Decimal(m.AverageLoss))
                .Field(CsvFormat.Double(m.ProfitFactor))
                .Field(CsvFormat.Decimal(m.Expectancy))
                .Field(CsvFormat.Double(m.MaxDrawdownPct))
                .Field(CsvFormat.Double(m.MaxDrawdownDuration.TotalDays))
                .Field(CsvFormat.Double(m.Sharpe))
                .Field(CsvFormat.Double(m.Sortino))
                .Field(CsvFormat.Double(m.Calmar))
                .Field(CsvFormat.Double(m.ExposurePct))
                .Field(CsvFormat.Decimal(m.TotalCommissions))
                .Field(CsvFormat.Decimal(m.TotalSlippage))
                .Field(CsvFormat.Decimal(m.StartingEquity))
                .Field(CsvFormat.Decimal(m.EndingEquity))
                .Field(CsvFormat.Decimal(m.TotalPnl))
                .Field(CsvFormat.Double(m.PeriodsPerYear))
                .Field(CsvFormat.Text(row.AssetClass))
                .Field(CsvFormat.Int(row.RejectedOrders))
                .Field(CsvFormat.Int(row.ResizedOrders))
                .Field(CsvFormat.Text(row.CodeSha256))
                .EndLine();
        }
    }
}
