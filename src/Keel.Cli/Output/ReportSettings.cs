using System.Globalization;
using Keel.Core.Backtest;
using Keel.Core.Domain;
using Keel.Core.Metrics;
using Keel.Core.Trading;
using Keel.Reporting;

namespace Keel.Cli.Output;

/// <summary>The single-backtest report's model: what was run, on what, and how, stated in words.</summary>
internal static class ReportSettings
{
    public static BacktestReportModel Model(BacktestResult result, RunContext context)
    {
        var strategies = string.Join("; ", result.Strategies);
        var symbols = string.Join(",", result.Symbols);
        var costs = result.Settings.Broker.ToString();
        var prices = context.Data.Series.Select(s => result.Settings.TradeFrom is { } from ? s.Between(from, DateTime.MaxValue) : s).ToList();
        var settings = new List<KeyValuePair<string, string>>
        {
            new("strategy", strategies),
            new("symbols", string.Join(", ", context.Data.Series.Select(s => $"{s.Symbol} ({s.Timeframe})"))),
            new("range", DataOptions.Describe(context.Data.From, context.Data.To) + (result.WarmUpBars > 0 ? $" ({result.WarmUpBars.ToString(CultureInfo.InvariantCulture)} earlier bars only warmed indicators up)" : "")),
            new("asset class", $"{AssetClassText.Name(result.AssetClass)} ({context.Data.AssetClassSource})"),
            new("periods per year", $"{result.Metrics.PeriodsPerYear.ToString("#,##0.##", CultureInfo.InvariantCulture)} ({PeriodsPerYear.Describe(result.Timeframe, result.AssetClass)})"),
            new("starting cash", SummaryTable.Money(result.Settings.StartingCash)),
            new("sizing", result.Settings.Risk.Sizing.ToString()),
            new("fills", result.Settings.FillModel == FillModel.NextOpen ? "market orders fill at the next bar's open" : "market orders fill at the same bar's close"),
            new("costs", costs),
            new("end of run", result.Settings.CloseAtEnd ? "open positions closed at the last close" : "open positions kept and marked at the last close"),
            new("refused / resized orders", $"{result.OrderTally.Rejected} / {result.OrderTally.Resized}"),
            new("benchmark", Benchmark.Describe(result.Symbols.Count)),
        };
        foreach (var warning in ResultWarnings.For(result)) settings.Add(new("warning", warning));
        return new BacktestReportModel
        {
            Title = $"Keel backtest: {strategies} on {symbols}",
            Settings = settings,
            Strategy = new ReportRun(strategies.Length > 40 ? "strategy" : strategies, strategies, symbols, costs, result.Metrics, result.EquityCurve),
            Benchmark = new ReportRun("buy and hold", "buy-and-hold", symbols, costs, context.Benchmark.Metrics, context.Benchmark.EquityCurve),
            Prices = prices,
            Trades = result.Trades,
            Refused = result.OrderEvents.Where(e => e.Status is OrderStatus.Rejected or OrderStatus.RefusedByRisk).ToList(),
        };
    }
}
