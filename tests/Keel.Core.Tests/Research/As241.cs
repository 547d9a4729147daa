namespace Keel.Core.Tests.Research;

/// <summary>
/// The standard normal quantile Φ⁻¹(p) by Wichura's algorithm AS 241 (PPND16: M. J. Wichura, "The
/// Percentage Points of the Normal Distribution", Applied Statistics 37(3), 1988), which is what R's
/// qnorm computes; test-only, so <see cref="RRandom"/> can turn R's uniforms into R's normals bit for bit.
/// </summary>
/// <remarks>Three rational approximations: |p − ½| ≤ 0.425; else r = √(−ln min(p, 1 − p)) up to 5; beyond.
/// Each polynomial is evaluated by Horner's rule from the highest power, in the order R evaluates it. The
/// central denominator's r⁷ coefficient is R's 5226.495278852854561; some transcriptions of AS 241 have
/// 5226.495278852545925, with which about 3% of central quantiles come out one unit in the last place
/// off R's (and 256 of the 8,000 draws of the pbo example differ).</remarks>
internal static class As241
{
    private static readonly double[] CentralNumerator =
    [
        3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125,
        45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727,
    ];
    private static readonly double[] CentralDenominator =
    [
        1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077,
        21213.794301586595867, 39307.89580009271061, 28729.085735721942674, 5226.495278852854561, // R's value: see the remarks
    ];
    private static readonly double[] NearNumerator =
    [
        1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504,
        1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4,
    ];
    private static readonly double[] NearDenominator =
    [
        1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455,
        0.14810397642748007459, 0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9,
    ];
    private static readonly double[] FarNumerator =
    [
        6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123,
        0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
    ];
    private static readonly double[] FarDenominator =
    [
        1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525,
        7.868691311456132591e-4, 1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15,
    ];

    /// <summary>Φ⁻¹(p) for 0 &lt; p &lt; 1.</summary>
    public static double Quantile(double p)
    {
        if (!(p > 0 && p < 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "p must be in (0, 1).");
        var q = p - 0.5;
        if (Math.Abs(q) <= 0.425)
        {
            var r = 0.180625 - q * q;
            return q * Horner(CentralNumerator, r) / Horner(CentralDenominator, r);
        }
        var tail = q > 0 ? 0.5 - p + 0.5 : p; // R writes 1 − p this way
        var s = Math.Sqrt(-Math.Log(tail));
        var value = s <= 5
            ? Horner(NearNumerator, s - 1.6) / Horner(NearDenominator, s - 1.6)
            : Horner(FarNumerator, s - 5) / Horner(FarDenominator, s - 5);
        return q < 0 ? -value : value;
    }

    /// <summary>c[0] + c[1]·x + … + c[7]·x⁷ as (((c[7]·x + c[6])·x + …)·x + c[0].</summary>
    private static double Horner(double[] coefficients, double x)
    {
        var sum = coefficients[^1];
        for (var i = coefficients.Length - 2; i >= 0; i--) sum = sum * x + coefficients[i];
        return sum;
    }
}
