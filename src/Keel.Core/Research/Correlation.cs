namespace Keel.Core.Research;

/// <summary>Pearson correlation of return series (equal lengths); NaN where a series does not vary.</summary>
public static class Correlation
{
    public static double[,] Matrix(IReadOnlyList<double[]> series)
    {
        var n = series.Count;
        var result = new double[n, n];
        for (var i = 0; i < n; i++)
            for (var j = i; j < n; j++)
                result[i, j] = result[j, i] = i == j ? 1 : Pearson(series[i], series[j]);
        return result;
    }

    public static double Pearson(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"Series of {a.Length} and {b.Length} values cannot be correlated.");
        if (a.Length < 2) return double.NaN;
        double meanA = 0, meanB = 0;
        for (var k = 0; k < a.Length; k++) { meanA += a[k]; meanB += b[k]; }
        meanA /= a.Length;
        meanB /= b.Length;
        double cov = 0, varA = 0, varB = 0;
        for (var k = 0; k < a.Length; k++)
        {
            cov += (a[k] - meanA) * (b[k] - meanB);
            varA += (a[k] - meanA) * (a[k] - meanA);
            varB += (b[k] - meanB) * (b[k] - meanB);
        }
        return varA > 0 && varB > 0 ? Math.Clamp(cov / Math.Sqrt(varA * varB), -1, 1) : double.NaN;
    }
}
