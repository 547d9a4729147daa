using System.Text.Json.Serialization;
using Keel.Core.Backtest;
using Keel.Core.Research;

namespace Keel.Reporting.Json;

/// <summary><c>keel walkforward --json</c>: each window's choice in sample and its result out of sample, then the stitched out-of-sample record.</summary>
public sealed record WalkForwardJson
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? From { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? To { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public long? WarmUpBars { get; init; }
    public required int Windows { get; init; }
    public required IReadOnlyList<WalkForwardStepJson> Steps { get; init; }
    public required IReadOnlyList<StrategySourceJson> StrategySources { get; init; }
    public required double OosTotalReturnPct { get; init; }
    public required double OosSharpe { get; init; }
    public required double OosMaxDrawdownPct { get; init; }
    public required double WalkForwardEfficiency { get; init; }
    public required int OosTrades { get; init; }
    public required double PeriodsPerYear { get; init; }
    public required BenchmarkJson Benchmark { get; init; }
    public required double ElapsedMs { get; init; }

    public static WalkForwardJson Of(WalkForwardResult result, BacktestResult benchmark, DateTime? from, DateTime? to, long warmUpBars,
        double elapsedMs, IReadOnlyList<StrategySourceJson> sources)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new WalkForwardJson
        {
            From = JsonTimes.Second(from),
            To = JsonTimes.Second(to),
            WarmUpBars = from is null ? null : warmUpBars,
            Windows = result.Steps.Count,
            Steps = result.Steps.Select(s => new WalkForwardStepJson(s.OosFrom, s.OosTo, s.Chosen.Text, s.Tuning.DeflatedSharpe, s.Tuning.Pbo,
                s.InSample.TotalReturnPct, s.OutOfSample.TotalReturnPct, s.OutOfSample.Sharpe)).ToList(),
            StrategySources = sources,
            OosTotalReturnPct = result.OutOfSample.TotalReturnPct,
            OosSharpe = result.OutOfSample.Sharpe,
            OosMaxDrawdownPct = result.OutOfSample.MaxDrawdownPct,
            WalkForwardEfficiency = result.Efficiency,
            OosTrades = result.OutOfSample.Trades,
            PeriodsPerYear = result.OutOfSample.PeriodsPerYear,
            Benchmark = BenchmarkJson.Of(benchmark),
            ElapsedMs = Math.Round(elapsedMs, 3),
        };
    }
}

/// <summary>One window of <c>keel walkforward --json</c>: the out-of-sample span, the parameters chosen in sample and how both went.</summary>
public sealed record WalkForwardStepJson(DateTime OosFrom, DateTime OosTo, string Chosen, double DeflatedSharpe, double? Pbo,
    double IsReturnPct, double OosReturnPct, double OosSharpe);
