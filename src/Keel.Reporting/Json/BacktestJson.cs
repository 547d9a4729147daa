using System.Text.Json.Serialization;
using Keel.Core.Backtest;
using Keel.Core.Domain;
using Keel.Core.Metrics;

namespace Keel.Reporting.Json;

/// <summary>
/// <c>keel backtest --json</c>: one run's settings and statistics beside buy and hold, for scripts. The field names,
/// their order and the null rules are a contract (non-finite numbers are null; <c>from</c>, <c>to</c> and
/// <c>warm_up_bars</c> appear only when a range was given).
/// </summary>
public sealed record BacktestJson
{
    public required string Strategy { get; init; }
    public required string Symbols { get; init; }
    public required string Timeframe { get; init; }
    public required string AssetClass { get; init; }
    public required string AssetClassSource { get; init; }
    public required string PeriodsPerYearRule { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? From { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? To { get; init; }
    /// <summary>Bars before <c>--from</c> read only to warm indicators up.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public long? WarmUpBars { get; init; }
    public required string Fill { get; init; }
    public required bool ClosedAtEnd { get; init; }
    public required string Costs { get; init; }
    public required string Sizing { get; init; }
    public required long Bars { get; init; }
    public required int ClosedTrades { get; init; }
    public required decimal OpenQuantity { get; init; }
    public required decimal StartingEquity { get; init; }
    public required decimal FinalEquity { get; init; }
    public required decimal FinalCash { get; init; }
    public required decimal TotalPnl { get; init; }
    public required double TotalReturnPct { get; init; }
    public required double CagrPct { get; init; }
    public required double MaxDrawdownPct { get; init; }
    public required double MaxDrawdownDays { get; init; }
    public required double Sharpe { get; init; }
    public required double Sortino { get; init; }
    public required double Calmar { get; init; }
    public required double WinRate { get; init; }
    public required decimal AvgWin { get; init; }
    public required decimal AvgLoss { get; init; }
    public required double ProfitFactor { get; init; }
    public required decimal Expectancy { get; init; }
    public required double ExposurePct { get; init; }
    public required decimal Commissions { get; init; }
    public required decimal Slippage { get; init; }
    public required double PeriodsPerYear { get; init; }
    public required int RejectedOrders { get; init; }
    public required int ResizedOrders { get; init; }
    public required IReadOnlyDictionary<string, int> RejectedByReason { get; init; }
    public required IReadOnlyDictionary<string, int> ResizedByReason { get; init; }
    public required BenchmarkJson Benchmark { get; init; }
    public required IReadOnlyList<string> Warnings { get; init; }
    public required double ElapsedMs { get; init; }
    public required double LoadMs { get; init; }
    public required IReadOnlyList<StrategySourceJson> StrategySources { get; init; }

    /// <summary>
    /// The model of <paramref name="result"/>; <paramref name="assetClassSource"/> says why each symbol has its asset class,
    /// <paramref name="from"/>/<paramref name="to"/> the range asked for (null: every bar).
    /// </summary>
    public static BacktestJson Of(BacktestResult result, BacktestResult benchmark, string assetClassSource, DateTime? from, DateTime? to,
        double elapsedMs, double loadMs, IReadOnlyList<StrategySourceJson> sources)
    {
        ArgumentNullException.ThrowIfNull(result);
        var m = result.Metrics;
        return new BacktestJson
        {
            Strategy = string.Join(";", result.Strategies),
            Symbols = string.Join(",", result.Symbols),
            Timeframe = result.Timeframe.ToString(),
            AssetClass = AssetClassText.Name(result.AssetClass),
            AssetClassSource = assetClassSource + (result.Symbols.Select(s => s.AssetClass).Distinct().Count() > 1 ? "; " + result.AssetClassRule : ""),
            PeriodsPerYearRule = Keel.Core.Metrics.PeriodsPerYear.Describe(result.Timeframe, result.AssetClass),
            From = JsonTimes.Second(from),
            To = JsonTimes.Second(to),
            WarmUpBars = from is null ? null : result.WarmUpBars,
            Fill = result.Settings.FillModel == FillModel.NextOpen ? "next-open" : "close",
            ClosedAtEnd = result.Settings.CloseAtEnd,
            Costs = result.Settings.Broker.ToString(),
            Sizing = result.Settings.Risk.Sizing.ToString(),
            Bars = result.Bars,
            ClosedTrades = m.Trades,
            OpenQuantity = result.OpenQuantity,
            StartingEquity = result.Settings.StartingCash,
            FinalEquity = result.FinalEquity,
            FinalCash = result.FinalCash,
            TotalPnl = m.TotalPnl,
            TotalReturnPct = m.TotalReturnPct,
            CagrPct = m.CagrPct,
            MaxDrawdownPct = m.MaxDrawdownPct,
            MaxDrawdownDays = m.MaxDrawdownDuration.TotalDays,
            Sharpe = m.Sharpe,
            Sortino = m.Sortino,
            Calmar = m.Calmar,
            WinRate = m.WinRatePct,
            AvgWin = m.AverageWin,
            AvgLoss = m.AverageLoss,
            ProfitFactor = m.ProfitFactor,
            Expectancy = m.Expectancy,
            ExposurePct = m.ExposurePct,
            Commissions = m.TotalCommissions,
            Slippage = m.TotalSlippage,
            PeriodsPerYear = m.PeriodsPerYear,
            RejectedOrders = result.OrderTally.Rejected,
            ResizedOrders = result.OrderTally.Resized,
            RejectedByReason = result.OrderTally.RejectedByReason,
            ResizedByReason = result.OrderTally.ResizedByReason,
            Benchmark = BenchmarkJson.Of(benchmark),
            Warnings = ResultWarnings.For(result),
            ElapsedMs = Math.Round(elapsedMs, 3),
            LoadMs = Math.Round(loadMs, 3),
            StrategySources = sources,
        };
    }
}
