namespace Keel.Core.Research;

/// <summary>
/// How far to trust parameters a sweep picked: how many trials it ran, the deflated Sharpe ratio of the
/// pick given them all, and the probability of backtest overfitting (null when too few days or trials).
/// </summary>
public sealed record TuningStatistics(int Trials, double DeflatedSharpe, double? Pbo)
{
    public static TuningStatistics Of(SweepResult sweep) => new(sweep.Trials.Count, sweep.DeflatedSharpe, sweep.Overfitting?.Probability);
}
