namespace Keel.Core.Research;

/// <summary>
/// The moments of a per-period return series that the Sharpe statistics need. <see cref="StdDev"/>
/// is the sample deviation (n − 1), as in Keel's Sharpe ratio; <see cref="Skewness"/> γ3 = m3 / m2^1.5
/// and <see cref="Kurtosis"/> γ4 = m4 / m2² (non-excess: 3 for a normal) use the population central
/// moments m_k = Σ(r − mean)^k / n, as in Bailey and López de Prado.
/// </summary>
public readonly record struct ReturnMoments(int Count, double Mean, double StdDev, double Skewness, double Kurtosis)
{
    /// <summary>
    /// Two passes (mean, then central moments) so a series of tiny returns around a large mean keeps
    /// its precision. A flat series has no shape: it reports skewness 0 and kurtosis 3 so the
    /// probabilistic Sharpe stays defined (its Sharpe is 0, which makes those terms vanish anyway).
    /// </summary>
    public static ReturnMoments Of(ReadOnlySpan<double> returns)
    {
        var n = returns.Length;
        if (n == 0) return new ReturnMoments(0, 0, 0, 0, 3);
        var sum = 0.0;
        foreach (var r in returns)
        {
            if (!double.IsFinite(r)) throw new ArgumentException($"Returns must be finite numbers, got {r}.", nameof(returns));
            sum += r;
        }
        var mean = sum / n;
        double m2 = 0, m3 = 0, m4 = 0;
        foreach (var r in returns)
        {
            var d = r - mean;
            var d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
        var stdDev = n >= 2 ? Math.Sqrt(m2 / (n - 1)) : 0;
        m2 /= n;
        m3 /= n;
        m4 /= n;
        if (stdDev <= Metrics.PerformanceCalculator.NegligibleDeviation) return new ReturnMoments(n, mean, 0, 0, 3);
        return new ReturnMoments(n, mean, stdDev, m3 / Math.Pow(m2, 1.5), m4 / (m2 * m2));
    }

    /// <summary>Per-period Sharpe ratio mean / stdev (risk-free 0, not annualised); 0 for a flat or one-point series.</summary>
    public double Sharpe => StdDev > 0 ? Mean / StdDev : 0;
}
