using System.Globalization;
using Keel.Core.Backtest;
using Keel.Core.Domain;
using Keel.Core.Metrics;
using Spectre.Console;

namespace Keel.Cli.Output;

/// <summary>The console summary of one backtest.</summary>
internal static class SummaryTable
{
    public static void Write(IAnsiConsole console, BacktestResult result, double elapsedMs, double loadMs, RunContext context)
    {
        var m = result.Metrics;
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(string.Join("; ", result.Strategies))}[/] on {Markup.Escape(string.Join(",", result.Symbols))} ({result.Timeframe})");
        table.AddColumn("metric");
        table.AddColumn(new TableColumn("value").RightAligned());
        void Row(string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));
        Row("bars", result.Bars.ToString(CultureInfo.InvariantCulture) + (context.Data.From is null ? "" : $" (+{result.WarmUpBars.ToString(CultureInfo.InvariantCulture)} before --from, read only to warm indicators up)"));
        if (context.Data.From is not null || context.Data.To is not null) Row("range", DataOptions.Describe(context.Data.From, context.Data.To));
        Row("asset class", $"{AssetClassText.Name(result.AssetClass)} ({context.Data.AssetClassSource})");
        Row("periods per year", $"{result.Metrics.PeriodsPerYear.ToString("#,##0.##", CultureInfo.InvariantCulture)} ({PeriodsPerYear.Describe(result.Timeframe, result.AssetClass)})");
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
        Row("refused / resized orders", $"{result.OrderTally.Rejected.ToString(CultureInfo.InvariantCulture)} / {result.OrderTally.Resized.ToString(CultureInfo.InvariantCulture)}"
            + (result.OrderTally.Rejected + result.OrderTally.Resized == 0 ? "" : $" ({string.Join(", ", new[] { ResultWarnings.Reasons(result.OrderTally.RejectedByReason), ResultWarnings.Reasons(result.OrderTally.ResizedByReason) }.Where(r => r.Length > 0))})"));
        var b = context.Benchmark.Metrics;
        Row("benchmark (buy and hold)", $"return {Pct(b.TotalReturnPct)}, max drawdown {Pct(b.MaxDrawdownPct)}, Sharpe {D(b.Sharpe)}");
        Row("open at end", result.OpenQuantity == 0 ? (result.Settings.CloseAtEnd ? "none (closed at the last close)" : "none") : $"{result.OpenQuantity.ToString(CultureInfo.InvariantCulture)} (kept open, marked at the last close)");
        Row("time", $"load {loadMs:0.0} ms, engine {elapsedMs:0.0} ms");
        console.Write(table);
        foreach (var warning in ResultWarnings.For(result)) console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
    }

    public static string Money(decimal value) => value.ToString("#,##0.00", CultureInfo.InvariantCulture);
    public static string Pct(double value) => double.IsFinite(value) ? value.ToString("0.00", CultureInfo.InvariantCulture) + "%" : "n/a";
    public static string D(double value) => double.IsPositiveInfinity(value) ? "∞" : double.IsFinite(value) ? value.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";
}
