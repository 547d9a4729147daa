using Keel.Core.Backtest;
using Keel.Core.Domain;
using Keel.Core.Ensembles;
using Keel.Core.Metrics;
using Keel.Core.Strategies;

namespace Keel.Core.Research;

/// <summary>
/// Ensembles against their members, out of sample: in each walk-forward window every member with
/// parameters to tune is swept on the in-sample bars and the best by the metric is kept; then each member
/// alone and each ensemble of the members as chosen trade the out-of-sample bars (having warmed up on the
/// in-sample ones); each candidate's windows are stitched into one record. Nothing a candidate trades on
/// was seen when its parameters were chosen. With in-sample bars there is one more candidate, the member
/// whose in-sample score was best, window by window (<see cref="CandidateKind.InSampleChoice"/>): the single
/// strategy a trader would have gone with.
/// </summary>
/// <remarks>
/// One window covering the whole series with an empty in-sample part (<see cref="WholePeriod"/>) compares
/// members with fixed parameters over everything: honest only when those parameters were not fitted to
/// this data. The best single member is picked after the fact, by its out-of-sample Sharpe, which favours
/// the members: an ensemble that beats it beats every member.
/// </remarks>
public static class EnsembleComparison
{
    /// <summary>The single window that trades every bar, nothing held back for tuning.</summary>
    public static IReadOnlyList<WalkForwardWindow> WholePeriod(int barCount) => [new WalkForwardWindow(0, 0, 0, barCount)];

    public static EnsembleComparisonResult Run(BacktestSettings settings, BarSeries series, IReadOnlyList<ParameterGrid> members,
        IReadOnlyList<EnsembleOptions> methods, IReadOnlyList<WalkForwardWindow> windows, string metric = "sharpe", Action? onRunDone = null, int warmUp = 0)
    {
        if (members.Count < 2) throw new ArgumentException("An ensemble comparison needs at least 2 members.");
        if (windows.Count == 0) throw new ArgumentException("An ensemble comparison needs at least one window.");
        var tuned = members.Where(m => m.Count > 1).ToList();
        if (tuned.Count > 0 && windows.Any(w => w.IsLength == 0))
            throw new ArgumentException($"{string.Join(", ", tuned.Select(m => m.Definition.Name))} {(tuned.Count == 1 ? "has" : "have")} parameters to tune, which needs in-sample bars before each window.");

        var bars = series.Span.ToArray();
        var periodsPerYear = PeriodsPerYear.For(series.Timeframe, series.Symbol.AssetClass);
        var score = ParameterSweep.Score(metric);
        // Candidates in the order they are run in each window: the members alone, then the ensembles.
        var names = members.Select(m => m.Count == 1 ? m.Specs[0].Text : $"{m.Definition.Name} (tuned)")
            .Concat(methods.Select(Label)).ToList();
        var records = names.Select(_ => new OutOfSampleRecord(settings, periodsPerYear)).ToList();
        var perWindow = names.Select(_ => new List<PerformanceMetrics>()).ToList();
        var choice = windows.All(w => w.IsLength > 0) ? new OutOfSampleRecord(settings, periodsPerYear) : null;
        var choicePerWindow = new List<PerformanceMetrics>();
        var steps = new List<EnsembleComparisonStep>();
        foreach (var w in windows)
        {
            var isSeries = WalkForward.Slice(series, bars, WalkForward.SliceStart(w, warmUp), w.IsEnd);
            var isSettings = WalkForward.InSampleSettings(settings, bars, w, warmUp);
            var sweeps = members.Select(m => m.Count == 1 ? null : ParameterSweep.Run(isSettings, [isSeries], m, metric)).ToList();
            var chosen = members.Select((m, i) => sweeps[i]?.Best.Spec ?? m.Specs[0]).ToList();
            var candidates = chosen.Cast<IStrategySpec>().Concat(methods.Select(o => new EnsembleSpec(chosen, o))).ToList();
            var runs = new BacktestResult[candidates.Count];
            Parallel.For(0, candidates.Count, i =>
            {
                runs[i] = WalkForward.RunOutOfSample(settings, series, bars, w, candidates[i], warmUp);
                onRunDone?.Invoke();
            });
            var oosStart = bars[w.OosStart].Timestamp;
            for (var i = 0; i < candidates.Count; i++) perWindow[i].Add(records[i].Add(runs[i], oosStart));
            int? pick = null;
            if (choice is not null)
            {
                var inSample = chosen.Select((spec, i) => score(sweeps[i]?.Best.Metrics ?? InSampleMetrics(isSettings, isSeries, spec))).ToList();
                pick = Enumerable.Range(0, inSample.Count).MaxBy(i => inSample[i]); // as a sweep picks: the first on ties, NaN lowest
                choicePerWindow.Add(choice.Add(runs[pick.Value], oosStart));
            }
            steps.Add(new EnsembleComparisonStep(w, w.IsLength > 0 ? bars[w.IsStart].Timestamp : null, oosStart, bars[w.OosEnd - 1].Timestamp, chosen,
                sweeps.Select(sweep => sweep is null ? null : TuningStatistics.Of(sweep)).ToList(), pick));
        }

        var compared = names.Select((name, i) => Compared(name, i < members.Count ? CandidateKind.Member : CandidateKind.Ensemble, records[i], perWindow[i])).ToList();
        if (choice is not null) compared.Insert(members.Count, Compared(InSampleChoiceName, CandidateKind.InSampleChoice, choice, choicePerWindow));
        return new EnsembleComparisonResult(series.Symbol, steps, compared);
    }

    /// <summary>The name of the <see cref="CandidateKind.InSampleChoice"/> candidate.</summary>
    public const string InSampleChoiceName = "member chosen in sample";

    private static ComparedStrategy Compared(string name, CandidateKind kind, OutOfSampleRecord record, List<PerformanceMetrics> perWindow) =>
        new(name, kind, record.Metrics(), perWindow, record.Curve, record.DailyReturns(), record.Trades);

    /// <summary>A fixed member's metrics on the in-sample bars, as a sweep of it alone would give them.</summary>
    private static PerformanceMetrics InSampleMetrics(BacktestSettings settings, BarSeries inSample, StrategySpec spec) =>
        Backtester.Run(settings with { KeepJournal = false, KeepEquityCurve = false, KeepTrades = false }, [inSample], [spec]).Metrics;

    /// <summary>
    /// A voting method's name in a comparison: short for a method with default settings
    /// (<c>ensemble(consensus)</c>, <c>ensemble(weighted, stances)</c>), else every option.
    /// </summary>
    public static string Label(EnsembleOptions options) =>
        options != new EnsembleOptions { Method = options.Method, Votes = options.Votes }
            ? $"ensemble({options.ToText()})"
            : $"ensemble({options.Method switch { VotingMethod.Consensus => "consensus", VotingMethod.PerformanceWeighted => "weighted", _ => "confidence" }}{(options.Votes == VoteSource.Stances ? ", stances" : "")})";
}
