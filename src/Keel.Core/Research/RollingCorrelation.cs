namespace Keel.Core.Research;

/// <summary>
/// Pearson correlation of two return series over a sliding window: one value per window end, each window
/// computed on its own by <see cref="Correlation.Pearson"/> (the full-period formula), and a summary. A
/// full-period correlation can hide members that move together in some years and apart in others.
/// </summary>
public static class RollingCorrelation
{
    /// <summary>
    /// The correlation over periods [k, k + window) for every k: a.Length − window + 1 values (none when the
    /// series are shorter than the window); NaN where either series does not vary within the window.
    /// </summary>
    public static double[] Of(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int window)
    {
        if (a.Length != b.Length) throw new ArgumentException($"Series of {a.Length} and {b.Length} values cannot be correlated.");
        if (window < 2) throw new ArgumentOutOfRangeException(nameof(window), window, "A correlation window needs at least 2 periods.");
        var values = new double[Math.Max(a.Length - window + 1, 0)];
        for (var k = 0; k < values.Length; k++) values[k] = Correlation.Pearson(a.Slice(k, window), b.Slice(k, window));
        return values;
    }

    /// <summary>Mean, min and max of the rolling values over the windows where it is defined.</summary>
    public static RollingCorrelationSummary Summarize(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int window)
    {
        var values = Of(a, b, window);
        var defined = values.Where(double.IsFinite).ToArray();
        return defined.Length == 0
            ? new RollingCorrelationSummary(window, values.Length, 0, double.NaN, double.NaN, double.NaN)
            : new RollingCorrelationSummary(window, values.Length, defined.Length, defined.Average(), defined.Min(), defined.Max());
    }
}
