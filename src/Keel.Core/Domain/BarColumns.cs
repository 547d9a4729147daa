namespace Keel.Core.Domain;

/// <summary>
/// Bars from columns of raw values (a window of a columnar file), checked by the rules of the <see cref="Bar"/>
/// constructor plus strictly increasing times, all rules of a row at once: reading a long series from a trusted
/// cache pays a few comparisons a bar instead of a validation call that builds no message for a good bar.
/// </summary>
public static class BarColumns
{
    /// <summary>
    /// Writes the rows as bars into <paramref name="into"/>, from the first, each after <paramref name="previousTicks"/>
    /// (-1 before the first bar of a series) and its predecessor. Returns -1 when every row formed a bar, else the
    /// first row that cannot (the rows before it are written); <see cref="Bar.Validate"/> says what is wrong with it.
    /// </summary>
    public static int ToBars(ReadOnlySpan<long> ticks, ReadOnlySpan<double> open, ReadOnlySpan<double> high, ReadOnlySpan<double> low,
        ReadOnlySpan<double> close, ReadOnlySpan<double> volume, long previousTicks, Span<Bar> into)
    {
        var rows = ticks.Length;
        if (open.Length != rows || high.Length != rows || low.Length != rows || close.Length != rows || volume.Length != rows || into.Length < rows)
            throw new ArgumentException("Every column must hold the same rows, and the bars room for them.");
        const long maxTicks = 3_155_378_975_999_999_999; // DateTime.MaxValue.Ticks
        for (var i = 0; i < rows; i++)
        {
            var (t, o, h, l, c, v) = (ticks[i], open[i], high[i], low[i], close[i], volume[i]);
            // Non-short-circuit: one test of all the rules. A comparison with NaN is false, so "> 0 and <= MaxValue"
            // is "finite and positive", and "low <= x <= high" holds only for numbers.
            var valid = (t > previousTicks) & (t >= 0) & (t <= maxTicks)
                & (o > 0) & (o <= double.MaxValue) & (h > 0) & (h <= double.MaxValue)
                & (l > 0) & (l <= double.MaxValue) & (c > 0) & (c <= double.MaxValue)
                & (l <= h) & (l <= o) & (o <= h) & (l <= c) & (c <= h)
                & (v >= 0) & (v <= double.MaxValue);
            if (!valid) return i;
            into[i] = new Bar(t, o, h, l, c, v, isChecked: true);
            previousTicks = t;
        }
        return -1;
    }
}
