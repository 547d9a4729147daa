namespace Keel.Core.Research;

/// <summary>
/// How much to believe a Sharpe ratio: the Probabilistic Sharpe Ratio (Bailey and López de Prado,
/// "The Sharpe Ratio Efficient Frontier", 2012) and the Deflated Sharpe Ratio (Bailey and López de
/// Prado, "The Deflated Sharpe Ratio: Correcting for Selection Bias, Backtest Overfitting and
/// Non-Normality", Journal of Portfolio Management 40(5), 2014).
/// </summary>
/// <remarks>
/// Every Sharpe ratio here is per period (per bar), not annualised, with a zero risk-free rate;
/// divide an annualised one by √(periods per year) first. Skewness γ3 and kurtosis γ4 (non-excess,
/// 3 for a normal) are those of the return series, see <see cref="ReturnMoments"/>.
/// </remarks>
public static class SharpeStatistics
{
    /// <summary>γ, the Euler–Mascheroni constant.</summary>
    public const double EulerMascheroni = 0.5772156649015329;

    /// <summary>
    /// PSR(SR*) = Φ( (SR − SR*)·√(n − 1) / √(1 − γ3·SR + (γ4 − 1)/4·SR²) ): the probability that the
    /// true Sharpe ratio exceeds <paramref name="benchmark"/>, given the observed one.
    /// </summary>
    public static double Probabilistic(double sharpe, double benchmark, int observations, double skewness, double kurtosis)
    {
        if (observations < 2) throw new ArgumentOutOfRangeException(nameof(observations), observations, "A probabilistic Sharpe ratio needs at least 2 returns.");
        if (!double.IsFinite(sharpe) || !double.IsFinite(benchmark) || !double.IsFinite(skewness) || !double.IsFinite(kurtosis))
            throw new ArgumentException($"Sharpe ({sharpe}), benchmark ({benchmark}), skewness ({skewness}) and kurtosis ({kurtosis}) must be finite.");
        var variance = 1 - skewness * sharpe + (kurtosis - 1) / 4 * sharpe * sharpe;
        // Real moments always give (1 − γ3·SR/2)² ≥ 0 or more; a non-positive value means moments
        // that no series has (e.g. excess kurtosis passed as kurtosis).
        if (!(variance > 0))
            throw new ArgumentException($"Skewness {skewness} and kurtosis {kurtosis} leave no spread for a Sharpe of {sharpe}; is the kurtosis non-excess (3 for a normal)?");
        return NormalDistribution.Cdf((sharpe - benchmark) * Math.Sqrt(observations - 1) / Math.Sqrt(variance));
    }

    /// <summary>PSR of a per-period return series against <paramref name="benchmark"/> (per period).</summary>
    public static double Probabilistic(ReadOnlySpan<double> returns, double benchmark = 0)
    {
        var m = ReturnMoments.Of(returns);
        return Probabilistic(m.Sharpe, benchmark, m.Count, m.Skewness, m.Kurtosis);
    }

    /// <summary>
    /// SR* = √V · ((1 − γ)·Φ⁻¹(1 − 1/N) + γ·Φ⁻¹(1 − 1/(N·e))): the expected maximum Sharpe ratio of
    /// <paramref name="trials"/> independent trials whose true Sharpe is 0 and whose estimated Sharpe
    /// ratios have variance <paramref name="trialSharpeVariance"/>. One trial selects nothing: 0.
    /// </summary>
    public static double ExpectedMaxSharpe(int trials, double trialSharpeVariance)
    {
        if (trials < 1) throw new ArgumentOutOfRangeException(nameof(trials), trials, "There must be at least one trial.");
        if (!(trialSharpeVariance >= 0) || double.IsPositiveInfinity(trialSharpeVariance))
            throw new ArgumentOutOfRangeException(nameof(trialSharpeVariance), trialSharpeVariance, "The variance of the trials' Sharpe ratios must be a finite number ≥ 0.");
        if (trials == 1) return 0;
        var n = (double)trials;
        return Math.Sqrt(trialSharpeVariance)
            * ((1 - EulerMascheroni) * NormalDistribution.InverseCdf(1 - 1 / n)
               + EulerMascheroni * NormalDistribution.InverseCdf(1 - 1 / (n * Math.E)));
    }

    /// <summary>DSR = PSR(SR*) with SR* from <see cref="ExpectedMaxSharpe"/>: the probability that the
    /// selected strategy's true Sharpe is positive once the search that found it is accounted for.</summary>
    public static double Deflated(double sharpe, int observations, double skewness, double kurtosis, int trials, double trialSharpeVariance) =>
        Probabilistic(sharpe, ExpectedMaxSharpe(trials, trialSharpeVariance), observations, skewness, kurtosis);

    /// <summary>
    /// DSR of the selected strategy's per-period <paramref name="returns"/>, deflated by every trial
    /// of the search: N = the number of <paramref name="trialSharpes"/> (the selected one included) and
    /// V = their sample variance (n − 1). The trial Sharpe ratios must be per period like the returns.
    /// </summary>
    public static double Deflated(ReadOnlySpan<double> returns, IReadOnlyList<double> trialSharpes)
    {
        ArgumentNullException.ThrowIfNull(trialSharpes);
        if (trialSharpes.Count == 0) throw new ArgumentException("The search must have at least one trial (the selected strategy).", nameof(trialSharpes));
        var m = ReturnMoments.Of(returns);
        return Deflated(m.Sharpe, m.Count, m.Skewness, m.Kurtosis, trialSharpes.Count, SampleVariance(trialSharpes));
    }

    private static double SampleVariance(IReadOnlyList<double> values)
    {
        if (values.Count < 2) return 0;
        var mean = 0.0;
        for (var i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i])) throw new ArgumentException($"Trial Sharpe ratios must be finite, got {values[i]} at {i}.");
            mean += values[i];
        }
        mean /= values.Count;
        var sum = 0.0;
        for (var i = 0; i < values.Count; i++) sum += (values[i] - mean) * (values[i] - mean);
        return sum / (values.Count - 1);
    }
}
