using Keel.Core.Domain;

namespace Keel.Core.Research;

/// <summary>An <see cref="EnsembleComparison"/> on one symbol: the windows and every candidate's out-of-sample record.</summary>
public sealed record EnsembleComparisonResult(Symbol Symbol, IReadOnlyList<EnsembleComparisonStep> Steps, IReadOnlyList<ComparedStrategy> Candidates)
{
    public IEnumerable<ComparedStrategy> Members => Candidates.Where(c => c.Kind == CandidateKind.Member);
    public IEnumerable<ComparedStrategy> Ensembles => Candidates.Where(c => c.IsEnsemble);

    /// <summary>The member picked window by window on its in-sample score; null when nothing was held back for choosing.</summary>
    public ComparedStrategy? InSampleChoice => Candidates.FirstOrDefault(c => c.Kind == CandidateKind.InSampleChoice);

    /// <summary>The member with the highest out-of-sample Sharpe, chosen after the fact.</summary>
    public ComparedStrategy BestMember => Members.MaxBy(m => m.OutOfSample.Sharpe)!;

    /// <summary>Whether an ensemble's out-of-sample Sharpe is above the best member's.</summary>
    /// A candidate with too few trades beats nothing: a Sharpe from one or two trades is luck.
    public bool Beats(ComparedStrategy ensemble) => !TooFewTrades(ensemble) && ensemble.OutOfSample.Sharpe > BestMember.OutOfSample.Sharpe;

    /// <summary>Fewer out-of-sample trades than <see cref="Backtest.ResultWarnings.FewTrades"/>: its verdict is "too few trades".</summary>
    public static bool TooFewTrades(ComparedStrategy candidate) => Backtest.ResultWarnings.TooFewTrades(candidate.OutOfSample.Trades);

    /// <summary>Whether an ensemble's out-of-sample Sharpe is above the in-sample choice's; null without one.</summary>
    public bool? BeatsInSampleChoice(ComparedStrategy ensemble) =>
        InSampleChoice is { } choice ? !TooFewTrades(ensemble) && ensemble.OutOfSample.Sharpe > choice.OutOfSample.Sharpe : null;
}
