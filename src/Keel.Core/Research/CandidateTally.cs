namespace Keel.Core.Research;

/// <summary>
/// How one candidate of an ensemble comparison fared over all its symbols: a verdict on one symbol can be
/// luck, so the question "does the ensemble beat the best single member?" is answered symbol by symbol and
/// counted. <see cref="Wins"/> is, for an ensemble, the symbols on which it beats the best member; for a
/// member, the symbols on which it is the best member.
/// </summary>
public sealed record CandidateTally(string Name, bool IsEnsemble, int Symbols, int Wins, double MeanSharpe)
{
    /// <summary>One tally per candidate name, in the candidates' order; a name missing on some symbol counts only where it ran.</summary>
    public static IReadOnlyList<CandidateTally> Of(IReadOnlyList<EnsembleComparisonResult> results)
    {
        var order = results.SelectMany(r => r.Candidates).Select(c => (c.Name, c.IsEnsemble)).Distinct().ToList();
        return order.Select(candidate =>
        {
            var runs = results.SelectMany(r => r.Candidates.Where(c => c.Name == candidate.Name).Select(c => (Result: r, Candidate: c))).ToList();
            var wins = runs.Count(x => candidate.IsEnsemble ? x.Result.Beats(x.Candidate) : ReferenceEquals(x.Result.BestMember, x.Candidate));
            return new CandidateTally(candidate.Name, candidate.IsEnsemble, runs.Count, wins, runs.Average(x => x.Candidate.OutOfSample.Sharpe));
        }).ToList();
    }
}
