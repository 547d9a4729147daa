namespace Keel.Reporting.Charts;

/// <summary>
/// Shrinks a time series to what a chart of <c>columns</c> pixel columns can show: the x range is cut into
/// equal-width columns and each keeps its lowest and highest point (in time order), plus the very first and
/// last points. Every peak and trough a reader could see survives; a year of minutes becomes a few thousand points.
/// </summary>
public static class ColumnDownsampler
{
    public static (long[] X, double[] Y) MinMax(ReadOnlySpan<long> x, ReadOnlySpan<double> y, int columns)
    {
        if (x.Length != y.Length) throw new ArgumentException("x and y must have the same length.", nameof(y));
        if (columns < 1) throw new ArgumentOutOfRangeException(nameof(columns), columns, "Keep at least one column.");
        var n = x.Length;
        if (n <= 2 * columns + 2) return (x.ToArray(), y.ToArray());

        var xs = new List<long>(2 * columns + 2) { x[0] };
        var ys = new List<double>(2 * columns + 2) { y[0] };
        var first = x[0];
        var span = Math.Max(1, x[n - 1] - first);
        var i = 1;
        while (i < n - 1)
        {
            // The column of point i; the column runs while points fall in it (x is sorted).
            var column = (long)((double)(x[i] - first) / span * columns);
            int low = i, high = i;
            var j = i + 1;
            for (; j < n - 1 && (long)((double)(x[j] - first) / span * columns) == column; j++)
            {
                if (y[j] < y[low]) low = j;
                if (y[j] > y[high]) high = j;
            }
            var a = Math.Min(low, high);
            var b = Math.Max(low, high);
            xs.Add(x[a]);
            ys.Add(y[a]);
            if (b != a)
            {
                xs.Add(x[b]);
                ys.Add(y[b]);
            }
            i = j;
        }
        xs.Add(x[n - 1]);
        ys.Add(y[n - 1]);
        return ([.. xs], [.. ys]);
    }
}
