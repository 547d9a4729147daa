using System.Text.Json;
using Keel.Core.Backtest;

namespace Keel.Cli.Output;

/// <summary>
/// One JSON object per backtest for scripts. Field names are a contract. Non-finite numbers
/// (a profit factor with no losing trade) are written as null so every JSON parser accepts them.
/// </summary>
internal static class ResultJson
{
    public static void Write(Stream stream, BacktestResult result, double elapsedMs, double loadMs)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        var m = result.Metrics;
        json.WriteStartObject();
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
        JsonNumbers.Write(json, "total_return_pct", m.TotalReturnPct);
        JsonNumbers.Write(json, "cagr_pct", m.CagrPct);
        JsonNumbers.Write(json, "max_drawdown_pct", m.MaxDrawdownPct);
        JsonNumbers.Write(json, "max_drawdown_days", m.MaxDrawdownDuration.TotalDays);
        JsonNumbers.Write(json, "sharpe", m.Sharpe);
        JsonNumbers.Write(json, "sortino", m.Sortino);
        JsonNumbers.Write(json, "calmar", m.Calmar);
        JsonNumbers.Write(json, "win_rate", m.WinRatePct);
        json.WriteNumber("avg_win", m.AverageWin);
        json.WriteNumber("avg_loss", m.AverageLoss);
        JsonNumbers.Write(json, "profit_factor", m.ProfitFactor);
        json.WriteNumber("expectancy", m.Expectancy);
        JsonNumbers.Write(json, "exposure_pct", m.ExposurePct);
        json.WriteNumber("commissions", m.TotalCommissions);
        json.WriteNumber("slippage", m.TotalSlippage);
        JsonNumbers.Write(json, "periods_per_year", m.PeriodsPerYear);
        JsonNumbers.Write(json, "elapsed_ms", Math.Round(elapsedMs, 3));
        JsonNumbers.Write(json, "load_ms", Math.Round(loadMs, 3));
        json.WriteEndObject();
        json.Flush();
        stream.WriteByte((byte)'\n');
    }

}
