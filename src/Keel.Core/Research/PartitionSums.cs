namespace Keel.Core.Research;

/// <summary>
/// Per partition and trial, the sum and sum of squares of the returns, so that the Sharpe ratio of
/// any union of partitions costs one addition per partition. Each trial's returns are centred on its
/// full-sample mean first, so sums of squares do not lose the variance to cancellation.
/// </summary>
internal sealed class PartitionSums
{
    /// <summary>Sum[s * trials + n] for partition s and trial n; likewise <see cref="SumSq"/>.</summary>
    public required double[] Sum { get; init; }
    public required double[] SumSq { get; init; }
    public required int[] Count { get; init; }
    public required double[] TotalSum { get; init; }
    public required double[] TotalSumSq { get; init; }
    public required double[] Centre { get; init; }

    public static PartitionSums Of(double[,] returns, int partitions)
    {
        var periods = returns.GetLength(0);
        var trials = returns.GetLength(1);
        var centre = new double[trials];
        for (var t = 0; t < periods; t++)
        {
            for (var n = 0; n < trials; n++)
            {
                var r = returns[t, n];
                if (!double.IsFinite(r)) throw new ArgumentException($"Return at period {t}, trial {n} is {r}; returns must be finite.", nameof(returns));
                centre[n] += r;
            }
        }
        for (var n = 0; n < trials; n++) centre[n] /= periods;

        var sum = new double[partitions * trials];
        var sumSq = new double[partitions * trials];
        var count = new int[partitions];
        var totalSum = new double[trials];
        var totalSumSq = new double[trials];
        for (var s = 0; s < partitions; s++)
        {
            // Rows [s·T/S, (s+1)·T/S): contiguous, sizes differ by at most one.
            var first = (int)((long)s * periods / partitions);
            var last = (int)((long)(s + 1) * periods / partitions);
            count[s] = last - first;
            for (var t = first; t < last; t++)
            {
                for (var n = 0; n < trials; n++)
                {
                    var d = returns[t, n] - centre[n];
                    sum[s * trials + n] += d;
                    sumSq[s * trials + n] += d * d;
                }
            }
            for (var n = 0; n < trials; n++)
            {
                totalSum[n] += sum[s * trials + n];
                totalSumSq[n] += sumSq[s * trials + n];
            }
        }
        return new PartitionSums { Sum = sum, SumSq = sumSq, Count = count, TotalSum = totalSum, TotalSumSq = totalSumSq, Centre = centre };
    }

    /// <summary>Sharpe ratio of trial <paramref name="trial"/> over rows whose centred sums are given.</summary>
    public double Sharpe(int trial, double centredSum, double centredSumSq, int count)
    {
        if (count < 2) return 0;
        var centredMean = centredSum / count;
        var variance = (centredSumSq - centredSum * centredMean) / (count - 1);
        var mean = centredMean + Centre[trial];
        var deviation = Math.Sqrt(Math.Max(variance, 0));
        if (deviation <= Metrics.PerformanceCalculator.NegligibleDeviation + 1e-9 * Math.Abs(mean)) return 0;
        return mean / deviation;
    }
}
