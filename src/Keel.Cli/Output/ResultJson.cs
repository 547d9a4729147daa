using System.Globalization;
using System.Text.Json;
using Keel.Core.Backtest;
using Keel.Core.Domain;
using Keel.Core.Metrics;
using Keel.Core.Trading;

namespace Keel.Cli.Output;

/// <summary>The fields of <c>keel backtest --json</c>, for scripts. Field names are a contract.</summary>
internal static class ResultJson
{
    public static void WriteFields(Utf8JsonWriter json, BacktestResult result, double elapsedMs, double loadMs, RunContext context)
    {
        var m = result.Metrics;
        json.WriteString("strategy", string.Join(";", result.Strategies));
        json.WriteString("symbols", string.Join(",", result.Symbols));
        json.WriteString("timeframe", result.Timeframe.ToString());
        json.WriteString("asset_class", AssetClassText.Name(result.AssetClass));
        json.WriteString("asset_class_source", context.Data.AssetClassSource + (result.Symbols.Select(s => s.AssetClass).Distinct().Count() > 1 ? "; " + result.AssetClassRule : ""));
        json.WriteString("periods_per_year_rule", PeriodsPerYear.Describe(result.Timeframe, result.AssetClass));
        WriteRange(json, context.Data, result.WarmUpBars);
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
        WriteTally(json, result.OrderTally);
        WriteBenchmark(json, context.Benchmark);
        json.WriteStartArray("warnings");
        foreach (var w in ResultWarnings.For(result)) json.WriteStringValue(w);
        json.WriteEndArray();
        JsonStdout.Number(json, "elapsed_ms", Math.Round(elapsedMs, 3));
        JsonStdout.Number(json, "load_ms", Math.Round(loadMs, 3));
    }

    /// <summary><c>rejected_orders</c>, <c>resized_orders</c> and their counts by reason.</summary>
    public static void WriteTally(Utf8JsonWriter json, OrderTally tally)
    {
        json.WriteNumber("rejected_orders", tally.Rejected);
        json.WriteNumber("resized_orders", tally.Resized);
        json.WriteStartObject("rejected_by_reason");
        foreach (var (reason, count) in tally.RejectedByReason) json.WriteNumber(reason, count);
        json.WriteEndObject();
        json.WriteStartObject("resized_by_reason");
        foreach (var (reason, count) in tally.ResizedByReason) json.WriteNumber(reason, count);
        json.WriteEndObject();
    }

    /// <summary><c>from</c>, <c>to</c> and <c>warm_up_bars</c> (bars before <c>--from</c> read only to warm indicators up), when a range was given.</summary>
    public static void WriteRange(Utf8JsonWriter json, LoadedBars data, long warmUpBars)
    {
        if (data.From is { } from) json.WriteString("from", Time(from));
        if (data.To is { } to) json.WriteString("to", Time(to));
        if (data.From is not null) json.WriteNumber("warm_up_bars", warmUpBars);
    }

    /// <summary><c>benchmark</c>: buy and hold over the same bars with the same costs.</summary>
    public static void WriteBenchmark(Utf8JsonWriter json, BacktestResult benchmark)
    {
        json.WriteStartObject("benchmark");
        json.WriteString("rule", Benchmark.Describe(benchmark.Symbols.Count));
        JsonStdout.Number(json, "total_return_pct", benchmark.Metrics.TotalReturnPct);
        JsonStdout.Number(json, "max_drawdown_pct", benchmark.Metrics.MaxDrawdownPct);
        JsonStdout.Number(json, "sharpe", benchmark.Metrics.Sharpe);
        json.WriteNumber("final_equity", benchmark.FinalEquity);
        json.WriteNumber("rejected_orders", benchmark.OrderTally.Rejected);
        json.WriteEndObject();
    }

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
