using System.Text.Json.Serialization;
using Keel.Core.Backtest;
using Keel.Core.Research;
using Keel.Reporting.Ensembles;

namespace Keel.Reporting.Json;

/// <summary>
/// <c>keel ensemble compare --json</c>: per symbol every candidate's out-of-sample metrics and whether each ensemble
/// beats the best member, then each candidate's tally over the symbols.
/// </summary>
public sealed record EnsembleComparisonJson
{
    public required string Period { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? From { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? To { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public long? WarmUpBars { get; init; }
    public required IReadOnlyList<EnsembleSymbolJson> Symbols { get; init; }
    public required IReadOnlyList<EnsembleTallyJson> AcrossSymbols { get; init; }
    public required double ElapsedMs { get; init; }

    /// <summary>The model of <paramref name="results"/>; <paramref name="benchmarks"/> holds each symbol's buy and hold, in the same order.</summary>
    public static EnsembleComparisonJson Of(IReadOnlyList<EnsembleComparisonResult> results, IReadOnlyList<BacktestResult> benchmarks,
        IReadOnlyList<CandidateTally> tallies, string period, DateTime? from, DateTime? to, long warmUpBars, double elapsedMs)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(benchmarks);
        ArgumentNullException.ThrowIfNull(tallies);
        return new EnsembleComparisonJson
        {
            Period = period,
            From = JsonTimes.Second(from),
            To = JsonTimes.Second(to),
            WarmUpBars = from is null ? null : warmUpBars,
            Symbols = results.Select((r, i) => EnsembleSymbolJson.Of(r, benchmarks[i])).ToList(),
            AcrossSymbols = tallies.Select(EnsembleTallyJson.Of).ToList(),
            ElapsedMs = Math.Round(elapsedMs, 3),
        };
    }
}

/// <summary>One symbol of <c>keel ensemble compare --json</c>: its candidates out of sample and its buy and hold.</summary>
public sealed record EnsembleSymbolJson(string Symbol, int Windows, string BestMember, IReadOnlyList<EnsembleCandidateJson> Candidates, BenchmarkJson Benchmark)
{
    public static EnsembleSymbolJson Of(EnsembleComparisonResult result, BacktestResult benchmark)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(result.Symbol.Ticker, result.Steps.Count, result.BestMember.Name,
            result.Candidates.Select(c => EnsembleCandidateJson.Of(result, c)).ToList(), BenchmarkJson.Of(benchmark));
    }
}

/// <summary>
/// A candidate on one symbol: <c>beats_best_member</c> is absent for a member, <c>beats_in_sample_choice</c> absent unless
/// it is an ensemble and members were chosen in sample.
/// </summary>
public sealed record EnsembleCandidateJson
{
    public required string Name { get; init; }
    public required bool Ensemble { get; init; }
    public required string Kind { get; init; }
    public required double TotalReturnPct { get; init; }
    public required double MaxDrawdownPct { get; init; }
    public required double Sharpe { get; init; }
    public required double WinRatePct { get; init; }
    public required int Trades { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? BeatsBestMember { get; init; }
    public required bool TooFewTrades { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? BeatsInSampleChoice { get; init; }

    public static EnsembleCandidateJson Of(EnsembleComparisonResult result, ComparedStrategy candidate)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(candidate);
        var m = candidate.OutOfSample;
        return new EnsembleCandidateJson
        {
            Name = candidate.Name,
            Ensemble = candidate.IsEnsemble,
            Kind = EnsembleText.Kind(candidate.Kind),
            TotalReturnPct = m.TotalReturnPct,
            MaxDrawdownPct = m.MaxDrawdownPct,
            Sharpe = m.Sharpe,
            WinRatePct = m.WinRatePct,
            Trades = m.Trades,
            BeatsBestMember = candidate.Kind == CandidateKind.Member ? null : result.Beats(candidate),
            TooFewTrades = EnsembleComparisonResult.TooFewTrades(candidate),
            BeatsInSampleChoice = candidate.IsEnsemble ? result.BeatsInSampleChoice(candidate) : null,
        };
    }
}

/// <summary>
/// A candidate over every symbol (<c>across_symbols</c>): a member counts the symbols it was the best member on
/// (<c>best_member_on</c>), any other candidate those it beat the best member on (<c>beats_best_member_on</c>).
/// </summary>
public sealed record EnsembleTallyJson
{
    public required string Name { get; init; }
    public required bool Ensemble { get; init; }
    public required string Kind { get; init; }
    public required int Symbols { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? BestMemberOn { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? BeatsBestMemberOn { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? BeatsInSampleChoiceOn { get; init; }
    public required double MeanSharpe { get; init; }

    public static EnsembleTallyJson Of(CandidateTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        var member = tally.Kind == CandidateKind.Member;
        return new EnsembleTallyJson
        {
            Name = tally.Name,
            Ensemble = tally.Kind == CandidateKind.Ensemble,
            Kind = EnsembleText.Kind(tally.Kind),
            Symbols = tally.Symbols,
            BestMemberOn = member ? tally.Wins : null,
            BeatsBestMemberOn = member ? null : tally.Wins,
            BeatsInSampleChoiceOn = tally.BeatsInSampleChoiceOn,
            MeanSharpe = tally.MeanSharpe,
        };
    }
}
