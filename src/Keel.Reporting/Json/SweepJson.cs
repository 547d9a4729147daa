using System.Text.Json.Serialization;
using Keel.Core.Backtest;
using Keel.Core.Domain;
using Keel.Core.Research;

namespace Keel.Reporting.Json;

/// <summary>
/// <c>keel sweep --json</c>: how many trials, the best one (parameters, metrics, refused and resized orders of its full
/// run), and how far to trust it (deflated Sharpe, PBO and the probability of loss: null when CSCV had too little to go on).
/// </summary>
public sealed record SweepJson
{
    public required int Trials { get; init; }
    public required int SkippedInvalid { get; init; }
    public required string Metric { get; init; }
    public required SweepBestJson Best { get; init; }
    public required IReadOnlyList<StrategySourceJson> StrategySources { get; init; }
    public required string AssetClass { get; init; }
    public required string AssetClassSource { get; init; }
    public required double PeriodsPerYear { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? From { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? To { get; init; }
    public required BenchmarkJson Benchmark { get; init; }
    public required double DeflatedSharpe { get; init; }
    public required double? Pbo { get; init; }
    public required double? ProbabilityOfLoss { get; init; }
    public required double ElapsedMs { get; init; }

    /// <summary>The model of <paramref name="result"/>; <paramref name="best"/> is the best trial run again in full.</summary>
    public static SweepJson Of(SweepResult result, BacktestResult best, BacktestResult benchmark, string assetClassSource, DateTime? from, DateTime? to,
        double elapsedMs, IReadOnlyList<StrategySourceJson> sources)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(best);
        return new SweepJson
        {
            Trials = result.Trials.Count,
            SkippedInvalid = result.SkippedInvalid,
            Metric = result.Metric,
            Best = SweepBestJson.Of(result.Best, best),
            StrategySources = sources,
            AssetClass = AssetClassText.Name(best.AssetClass),
            AssetClassSource = assetClassSource,
            PeriodsPerYear = best.Metrics.PeriodsPerYear,
            From = JsonTimes.Second(from),
            To = JsonTimes.Second(to),
            Benchmark = BenchmarkJson.Of(benchmark),
            DeflatedSharpe = result.DeflatedSharpe,
            Pbo = result.Overfitting?.Probability,
            ProbabilityOfLoss = result.Overfitting?.ProbabilityOfLoss,
            ElapsedMs = Math.Round(elapsedMs, 3),
        };
    }
}

/// <summary><c>best</c> in <c>keel sweep --json</c>: the trial's parameters and metrics, and the order tally of its full run.</summary>
public sealed record SweepBestJson
{
    public required string Strategy { get; init; }
    public required IReadOnlyDictionary<string, double> Parameters { get; init; }
    public required double TotalReturnPct { get; init; }
    public required double MaxDrawdownPct { get; init; }
    public required double Sharpe { get; init; }
    public required double WinRate { get; init; }
    public required int ClosedTrades { get; init; }
    public required int RejectedOrders { get; init; }
    public required int ResizedOrders { get; init; }
    public required IReadOnlyDictionary<string, int> RejectedByReason { get; init; }
    public required IReadOnlyDictionary<string, int> ResizedByReason { get; init; }

    public static SweepBestJson Of(SweepTrial trial, BacktestResult run)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(run);
        var parameters = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, value) in trial.Spec.Parameters.All) parameters.Add(name, value);
        return new SweepBestJson
        {
            Strategy = trial.Spec.Text,
            Parameters = parameters,
            TotalReturnPct = trial.Metrics.TotalReturnPct,
            MaxDrawdownPct = trial.Metrics.MaxDrawdownPct,
            Sharpe = trial.Metrics.Sharpe,
            WinRate = trial.Metrics.WinRatePct,
            ClosedTrades = trial.ClosedTrades,
            RejectedOrders = run.OrderTally.Rejected,
            ResizedOrders = run.OrderTally.Resized,
            RejectedByReason = run.OrderTally.RejectedByReason,
            ResizedByReason = run.OrderTally.ResizedByReason,
        };
    }
}
