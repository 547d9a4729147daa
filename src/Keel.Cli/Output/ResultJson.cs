using System.Text.Json;
using Keel.Core.Backtest;

namespace Keel.Cli.Output;

/// <summary>The fields of <c>keel backtest --json</c>, for scripts. Field names are a contract.</summary>
internal static class ResultJson
{
    public static void WriteFields(Utf8JsonWriter json, BacktestResult result, double elapsedMs, double loadMs)
    {
        var m = result.Metrics;
        json.WriteString("strategy", string.Join(";", result.Strategies));
        json.WriteString("symbols", string.Join(",", result.Symbols));
        json.WriteString("timeframe", result.Timeframe.ToString());
        json.WriteString("fill", result.Settings.FillModel == FillModel.NextOpen ? "next-open" : "close");
        json.WriteBoolean("closed_at_end", result.Settings.CloseAtEnd);
        json.WriteString("costs", result.Settings.Broker.ToString());
        json.WriteString("sizing", result.Settings.Risk.Sizing.ToString());
        json.WriteNumber("bars", result.Bars);
        json.WriteNumber("closed_trades", result.Trades.Count);
        json.WriteNumber("open_quantity", result.OpenQuantity);
        json.WriteNumber("starting_equity", result.Settings.StartingCash);
        json.WriteNumber("final_equity", result.FinalEquity);
        json.WriteNumber("final_cash", result.FinalCash);
        json.WriteNumber("total_pnl", m.TotalPnl);
        JsonStdout.Number(json, "total_return_pct", m.TotalReturnPct);
        JsonStdout.Number(json, "cagr_pct", m.CagrPct);
        JsonStdout.Number(json, "max_drawdown_pct", m.MaxDrawdownPct);
        JsonStdout.Number(json, "max_drawdown_days", m.MaxDrawdownDuration.TotalDays);
        JsonStdout.Number(json, "sharpe", m.Sharpe);
        JsonStdout.Number(json, "sortino", m.Sortino);
        JsonStdout.Number(json, "calmar", m.Calmar);
        JsonStdout.Number(json, "win_rate", m.WinRatePct);
        json.WriteNumber("avg_win", m.AverageWin);
        json.WriteNumber("avg_loss", m.AverageLoss);
        JsonStdout.Number(json, "profit_factor", m.ProfitFactor);
        json.WriteNumber("expectancy", m.Expectancy);
        JsonStdout.Number(json, "exposure_pct", m.ExposurePct);
        json.WriteNumber("commissions", m.TotalCommissions);
        json.WriteNumber("slippage", m.TotalSlippage);
        JsonStdout.Number(json, "periods_per_year", m.PeriodsPerYear);
        JsonStdout.Number(json, "elapsed_ms", Math.Round(elapsedMs, 3));
        JsonStdout.Number(json, "load_ms", Math.Round(loadMs, 3));
    }

}
