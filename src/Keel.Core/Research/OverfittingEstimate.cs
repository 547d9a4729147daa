namespace Keel.Core.Research;

/// <summary>
/// The result of <see cref="BacktestOverfitting.Estimate"/>: the probability of backtest overfitting
/// and, per combination of partitions, the trial chosen in sample and the logit of its out-of-sample rank.
/// </summary>
/// <param name="Probability">PBO: the share of combinations whose in-sample winner ranks in the
/// bottom half out of sample (logit ≤ 0).</param>
/// <param name="Logits">λ = ln(ω̄ / (1 − ω̄)) per combination, ω̄ = OOS rank / (N + 1); in the order the
/// combinations were enumerated (chosen partitions as a bit mask, ascending).</param>
/// <param name="SelectedTrials">The in-sample best trial (column index) per combination, same order.</param>
/// <param name="SelectedOutOfSampleSharpe">The out-of-sample Sharpe ratio of that trial per combination,
/// same order.</param>
/// <param name="Partitions">S, the number of partitions the periods were cut into.</param>
/// <param name="Trials">N, the number of trials (columns).</param>
/// <param name="Periods">T, the number of periods (rows).</param>
public sealed record OverfittingEstimate(
    double Probability,
    IReadOnlyList<double> Logits,
    IReadOnlyList<int> SelectedTrials,
    IReadOnlyList<double> SelectedOutOfSampleSharpe,
    int Partitions,
    int Trials,
    int Periods)
{
    /// <summary>C(S, S/2), the number of in-sample/out-of-sample splits evaluated.</summary>
    public int Combinations => Logits.Count;

    /// <summary>The probability of loss: the share of combinations whose in-sample winner has a negative
    /// Sharpe ratio out of sample (the paper's P[R̄(n*) &lt; 0]; below_threshold in the R package pbo).</summary>
    public double ProbabilityOfLoss => (double)SelectedOutOfSampleSharpe.Count(s => s < 0) / SelectedOutOfSampleSharpe.Count;
}
