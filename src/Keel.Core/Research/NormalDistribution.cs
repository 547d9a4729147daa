namespace Keel.Core.Research;

/// <summary>
/// The standard normal distribution's CDF Φ and its inverse Φ⁻¹, in plain C# so the core needs no
/// statistics package.
/// </summary>
/// <remarks>
/// <see cref="Cdf"/> is Hart's double-precision algorithm 5666 (Hart et al., "Computer
/// Approximations", 1968) as given by G. West, "Better approximations to cumulative normal
/// functions", Wilmott Magazine, 2005: absolute error below 1e-15 everywhere, tails computed
/// directly (not as 1 − something) so small probabilities keep their relative accuracy (~1e-8).
/// <see cref="InverseCdf"/> is P. J. Acklam's rational approximation (relative error 1.15e-9)
/// refined by one Halley step against <see cref="Cdf"/>, which brings it to the accuracy of the CDF
/// (agrees with Wichura's AS241 to about 1e-10 for p in [1e-10, 1 − 1e-9], far better in the middle).
/// </remarks>
public static class NormalDistribution
{
    private const double SqrtTwoPi = 2.5066282746310002;

    /// <summary>Φ(x) = P(Z ≤ x) for a standard normal Z.</summary>
    public static double Cdf(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        var lowerTail = LowerTail(Math.Abs(x));
        return x > 0 ? 1 - lowerTail : lowerTail;
    }

    /// <summary>Φ(−|x|): the probability beyond |x| in one tail.</summary>
    private static double LowerTail(double absX)
    {
        if (absX > 37) return 0;
        var exponential = Math.Exp(-absX * absX / 2);
        if (absX >= 7.07106781186547)
        {
            // Continued fraction for the far tail.
            var fraction = absX + 0.65;
            fraction = absX + 4 / fraction;
            fraction = absX + 3 / fraction;
            fraction = absX + 2 / fraction;
            fraction = absX + 1 / fraction;
            return exponential / fraction / SqrtTwoPi;
        }
        var numerator = 3.52624965998911E-02 * absX + 0.700383064443688;
        numerator = numerator * absX + 6.37396220353165;
        numerator = numerator * absX + 33.912866078383;
        numerator = numerator * absX + 112.079291497871;
        numerator = numerator * absX + 221.213596169931;
        numerator = numerator * absX + 220.206867912376;
        var denominator = 8.83883476483184E-02 * absX + 1.75566716318264;
        denominator = denominator * absX + 16.064177579207;
        denominator = denominator * absX + 86.7807322029461;
        denominator = denominator * absX + 296.564248779674;
        denominator = denominator * absX + 637.333633378831;
        denominator = denominator * absX + 793.826512519948;
        denominator = denominator * absX + 440.413735824752;
        return exponential * numerator / denominator;
    }

    /// <summary>Φ⁻¹(p): the x with Φ(x) = p; −∞ at 0 and +∞ at 1.</summary>
    public static double InverseCdf(double p)
    {
        if (!(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "A probability must be within [0, 1].");
        if (p == 0) return double.NegativeInfinity;
        if (p == 1) return double.PositiveInfinity;
        var x = Acklam(p);
        // One Halley step on f(x) = Φ(x) − p (f' = φ, f'' = −xφ) removes Acklam's 1e-9 error.
        var error = Cdf(x) - p;
        var u = error * SqrtTwoPi * Math.Exp(x * x / 2);
        return x - u / (1 + x * u / 2);
    }

    // Coefficients of Acklam's approximation: central region |p − 0.5| ≤ 0.47575, tails beyond.
    private static readonly double[] A = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
    private static readonly double[] B = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
    private static readonly double[] C = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
    private static readonly double[] D = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
    private const double TailBoundary = 0.02425;

    private static double Acklam(double p)
    {
        if (p < TailBoundary) return LowerTailAcklam(p);
        if (p > 1 - TailBoundary) return -LowerTailAcklam(1 - p);
        var q = p - 0.5;
        var r = q * q;
        return (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
             / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
    }

    private static double LowerTailAcklam(double p)
    {
        var q = Math.Sqrt(-2 * Math.Log(p));
        return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
             / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
    }
}
