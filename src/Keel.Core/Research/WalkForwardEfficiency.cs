namespace Keel.Core.Research;

/// <summary>
/// Walk-forward efficiency (Pardo): how much of the in-sample performance survives out of sample,
/// as annualised out-of-sample return / annualised in-sample return. Near 1 (or above) the optimised
/// parameters kept their edge; near 0 the in-sample result was mostly fit to noise.
/// </summary>
/// <remarks>
/// Returns are fractions (0.10 = 10%) over a window of bars, annualised by compounding:
/// (1 + R)^(periodsPerYear / bars) − 1, with periods per year from <see cref="Metrics.PeriodsPerYear"/>.
/// Annualising first makes windows of different lengths comparable (a 1-year IS against a 3-month OOS).
/// The ratio means nothing when the in-sample return is not positive (a loss over a smaller loss would
/// read as "efficient"), so it is NaN then.
/// </remarks>
public static class WalkForwardEfficiency
{
    /// <summary>Annualised OOS return / annualised IS return, or NaN when the IS annualised return is ≤ 0.</summary>
    public static double Compute(double inSampleReturn, int inSampleBars, double outOfSampleReturn, int outOfSampleBars, double periodsPerYear)
    {
        var inSample = AnnualisedReturn(inSampleReturn, inSampleBars, periodsPerYear);
        var outOfSample = AnnualisedReturn(outOfSampleReturn, outOfSampleBars, periodsPerYear);
        return inSample > 0 ? outOfSample / inSample : double.NaN;
    }

    /// <summary>(1 + R)^(periodsPerYear / bars) − 1; −1 when the window lost everything (R ≤ −1).</summary>
    public static double AnnualisedReturn(double totalReturn, int bars, double periodsPerYear)
    {
        if (!double.IsFinite(totalReturn)) throw new ArgumentOutOfRangeException(nameof(totalReturn), totalReturn, "The return must be a finite number.");
        if (bars < 1) throw new ArgumentOutOfRangeException(nameof(bars), bars, "A return needs a window of at least 1 bar.");
        if (!double.IsFinite(periodsPerYear) || periodsPerYear <= 0)
            throw new ArgumentOutOfRangeException(nameof(periodsPerYear), periodsPerYear, "Periods per year must be a positive number.");
        if (totalReturn <= -1) return -1;
        return Math.Pow(1 + totalReturn, periodsPerYear / bars) - 1;
    }
}
