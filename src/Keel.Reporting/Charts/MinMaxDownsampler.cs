namespace Keel.Reporting.Charts;

/// <summary>
/// Picks at most <c>maxPoints</c> indices of a series so that a chart of them looks like a chart of
/// all: the first and last points, and the lowest and highest point of each of equal-width buckets
/// in between. Peaks and troughs survive, which is what a reader looks for on an equity curve.
/// </summary>
internal static class MinMaxDownsampler
{
    public static int[] SelectIndices(IReadOnlyList<double> values, int maxPoints)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (maxPoints < 4) throw new ArgumentOutOfRangeException(nameof(maxPoints), maxPoints, "Keep at least 4 points.");
        var count = values.Count;
        if (count <= maxPoints)
        {
            var all = new int[count];
            for (var i = 0; i < count; i++) all[i] = i;
            return all;
        }

        var interior = count - 2;
        var buckets = (maxPoints - 2) / 2;
        var picked = new List<int>(maxPoints) { 0 };
        for (var b = 0; b < buckets; b++)
        {
            var start = 1 + (int)((long)b * interior / buckets);
            var end = 1 + (int)((long)(b + 1) * interior / buckets);
            var low = start;
            var high = start;
            for (var i = start + 1; i < end; i++)
            {
                if (values[i] < values[low]) low = i;
                if (values[i] > values[high]) high = i;
            }
            // Keep time order inside the bucket so the polyline does not double back.
            picked.Add(Math.Min(low, high));
            if (low != high) picked.Add(Math.Max(low, high));
        }
        picked.Add(count - 1);
        return [.. picked];
    }
}
