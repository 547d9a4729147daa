using System.Globalization;
using Keel.Core.Backtest;
using Spectre.Console;

namespace Keel.Cli.Output;

/// <summary>The console summary of one backtest.</summary>
internal static class SummaryTable
{
    public static void Write(IAnsiConsole console, BacktestResult result, double elapsedMs, double loadMs)
    {
        var m = result.Metrics;
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(string.Join("; ", result.Strategies))}[/] on {Markup.Escape(string.Join(",", result.Symbols))} ({result.Timeframe})");
        table.AddColumn("metric");
        table.AddColumn(new TableColumn("value").RightAligned());
        void Row(string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));
        Row("bars", result.Bars.ToString(CultureInfo.InvariantCulture));
        Row("fills", result.Settings.FillModel == FillModel.NextOpen ? "next bar's open" : "same bar's close");
        Row("costs", result.Settings.Broker.ToString());
        Row("sizing", result.Settings.Risk.Sizing.ToString());
        Row("starting equity", Money(result.Settings.StartingCash));
        Row("final equity", Money(result.FinalEquity));
        Row("total P&L", Money(m.TotalPnl));
        Row("total return", Pct(m.TotalReturnPct));
        Row("CAGR", Pct(m.CagrPct));
        Row("max drawdown", $"{Pct(m.MaxDrawdownPct)} over {m.MaxDrawdownDuration.TotalDays:0} days");
        Row("Sharpe / Sortino / Calmar", $"{D(m.Sharpe)} / {D(m.Sortino)} / {D(m.Calmar)}");
        Row("closed trades", m.Trades.ToString(CultureInfo.InvariantCulture));
        Row("win rate", Pct(m.WinRatePct));
        Row("avg win / avg loss", $"{Money(m.AverageWin)} / {Money(m.AverageLoss)}");
        Row("profit factor", D(m.ProfitFactor));
        Row("expectancy", Money(m.Expectancy));
        Row("exposure", Pct(m.ExposurePct));
        Row("commissions / slippage", $"{Money(m.TotalCommissions)} / {Money(m.TotalSlippage)}");
        Row("open at end", result.OpenQuantity == 0 ? (result.Settings.CloseAtEnd ? "none (closed at the last close)" : "none") : $"{result.OpenQuantity.ToString(CultureInfo.InvariantCulture)} (kept open, marked at the last close)");
        Row("time", $"load {loadMs:0.0} ms, engine {elapsedMs:0.0} ms");
        console.Write(table);
    }

    public static string Money(decimal value) => value.ToString("#,##0.00", CultureInfo.InvariantCulture);
    public static string Pct(double value) => double.IsFinite(value) ? value.ToString("0.00", CultureInfo.InvariantCulture) + "%" : "n/a";
    public static string D(double value) => double.IsPositiveInfinity(value) ? "∞" : double.IsFinite(value) ? value.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";
}
