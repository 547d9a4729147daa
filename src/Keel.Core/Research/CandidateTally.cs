namespace Keel.Core.Research;

/// <summary>
/// How one candidate of an ensemble comparison fared over all its symbols: a verdict on one symbol can be
/// luck, so the question "does the ensemble beat the best single member?" is answered symbol by symbol and
/// counted. <see cref="Wins"/> is, for a member, the symbols on which it is the best member; for the
/// in-sample choice and an ensemble, the symbols on which it beats the best member.
/// <see cref="BeatsInSampleChoiceOn"/> counts, for an ensemble, the symbols on which it beats the member
/// chosen in sample (null for the others, or when no symbol had in-sample bars to choose on).
/// </summary>
public sealed record CandidateTally(string Name, CandidateKind Kind, int Symbols, int Wins, int? BeatsInSampleChoiceOn, double MeanSharpe)
{
    /// <summary>One tally per candidate name, in the candidates' order; a name missing on some symbol counts only where it ran.</summary>
    public static IReadOnlyList<CandidateTally> Of(IReadOnlyList<EnsembleComparisonResult> results)
    {
        var order = results.SelectMany(r => r.Candidates).Select(c => (c.Name, c.Kind)).Distinct().ToList();
        return order.Select(candidate =>
        {
            var runs = results.SelectMany(r => r.Candidates.Where(c => c.Name == candidate.Name).Select(c => (Result: r, Candidate: c))).ToList();
            var wins = runs.Count(x => candidate.Kind == CandidateKind.Member
                ? ReferenceEquals(x.Result.BestMember, x.Candidate)
                : x.Result.Beats(x.Candidate));
            var versusChoice = runs.Select(x => x.Result.BeatsInSampleChoice(x.Candidate)).Where(v => v is not null).ToList();
            int? beatsChoice = candidate.Kind == CandidateKind.Ensemble && versusChoice.Count > 0 ? versusChoice.Count(v => v == true) : null;
            return new CandidateTally(candidate.Name, candidate.Kind, runs.Count, wins, beatsChoice, runs.Average(x => x.Candidate.OutOfSample.Sharpe));
        }).ToList();
    }
}
