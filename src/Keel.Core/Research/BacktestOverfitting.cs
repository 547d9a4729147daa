namespace Keel.Core.Research;

/// <summary>
/// The probability of backtest overfitting (PBO) by combinatorially symmetric cross-validation
/// (CSCV): Bailey, Borwein, López de Prado and Zhu, "The Probability of Backtest Overfitting",
/// Journal of Computational Finance, 2015.
/// </summary>
/// <remarks>
/// <para>The T × N matrix of per-period returns (T periods in time order, one column per trial) is cut
/// into S contiguous partitions of rows (sizes differ by at most one when S does not divide T). For
/// each of the C(S, S/2) ways to choose half of them as in-sample (IS), the rest being out-of-sample
/// (OOS): the trial with the best IS Sharpe ratio is selected (ties: the lowest column); its OOS
/// Sharpe is ranked among all trials' OOS Sharpe ratios, 1 = worst … N = best (ties share their mean
/// rank); ω̄ = rank / (N + 1) and λ = ln(ω̄ / (1 − ω̄)). PBO is the share of combinations with λ ≤ 0,
/// i.e. where the IS winner is at or below the OOS median.</para>
/// <para>Sharpe ratios are per period (mean / sample standard deviation, risk-free 0); a subset with
/// fewer than two rows, or whose deviation is negligible (below 1e-14 or 1e-9 of its mean: a flat
/// series), has Sharpe 0, as in Keel's metrics.</para>
/// <para>Cost: each partition's sums and sums of squares per trial are computed once, so a
/// combination costs O(S/2 · N): C(16, 8) = 12,870 combinations × 1,000 trials is about 10⁸
/// additions.</para>
/// </remarks>
public static class BacktestOverfitting
{
    public const int DefaultPartitions = 16;

    /// <summary>Largest S accepted: C(24, 12) ≈ 2.7 million combinations is already hours for large N.</summary>
    public const int MaxPartitions = 24;

    /// <param name="returns">returns[t, n]: the return of trial n in period t.</param>
    /// <param name="partitions">S: even, at least 2, at most T and <see cref="MaxPartitions"/>.</param>
    public static OverfittingEstimate Estimate(double[,] returns, int partitions = DefaultPartitions)
    {
        ArgumentNullException.ThrowIfNull(returns);
        var periods = returns.GetLength(0);
        var trials = returns.GetLength(1);
        if (trials < 2) throw new ArgumentException($"PBO compares trials: it needs at least 2 columns, got {trials}.", nameof(returns));
        if (partitions < 2 || partitions % 2 != 0 || partitions > MaxPartitions)
            throw new ArgumentOutOfRangeException(nameof(partitions), partitions, $"The number of partitions must be even, between 2 and {MaxPartitions}.");
        if (periods < partitions)
            throw new ArgumentException($"{periods} periods cannot be cut into {partitions} partitions; use at most {periods} partitions or more data.", nameof(returns));

        var sums = PartitionSums.Of(returns, partitions);
        var masks = InSampleMasks(partitions);
        var logits = new double[masks.Length];
        var selected = new int[masks.Length];
        var selectedOutOfSample = new double[masks.Length];
        var overfit = new bool[masks.Length];
        // Combinations are independent, so they are spread over the cores (a sweep waits for this, and a
        // combination is a thousand Sharpe ratios twice); each result lands at its combination's index.
        Parallel.For(0, masks.Length, () => new Scratch(trials), (i, _, scratch) =>
        {
            var twiceRank = Combination(sums, masks[i], partitions, periods, scratch, out selected[i], out selectedOutOfSample[i]);
            var omega = twiceRank / (2.0 * (trials + 1));
            logits[i] = Math.Log(omega / (1 - omega));
            overfit[i] = twiceRank <= trials + 1; // ω̄ ≤ 0.5 exactly, without rounding
            return scratch;
        }, _ => { });

        return new OverfittingEstimate((double)overfit.Count(o => o) / logits.Length, logits, selected, selectedOutOfSample, partitions, trials, periods);
    }

    /// <summary>Every mask with S/2 of its S bits set, in ascending order (Gosper's hack).</summary>
    private static int[] InSampleMasks(int partitions)
    {
        var masks = new List<int>();
        var mask = (1 << (partitions / 2)) - 1;
        while (mask < 1 << partitions)
        {
            masks.Add(mask);
            var lowest = mask & -mask;
            var ripple = mask + lowest;
            mask = ripple | (((mask ^ ripple) >> 2) / lowest);
        }
        return [.. masks];
    }

    /// <summary>
    /// One combination: the trial with the best in-sample Sharpe (<paramref name="best"/>), its out-of-sample
    /// Sharpe (<paramref name="bestOutOfSample"/>) and twice its out-of-sample rank (see <see cref="TwiceOutOfSampleRank"/>).
    /// </summary>
    private static int Combination(PartitionSums sums, int mask, int partitions, int periods, Scratch scratch, out int best, out double bestOutOfSample)
    {
        var trials = scratch.IsSum.Length;
        var (isSum, isSumSq, isSharpe, oosSharpe) = (scratch.IsSum, scratch.IsSumSq, scratch.IsSharpe, scratch.OosSharpe);
        Array.Clear(isSum);
        Array.Clear(isSumSq);
        var isCount = 0;
        for (var s = 0; s < partitions; s++)
        {
            if ((mask & (1 << s)) == 0) continue;
            isCount += sums.Count[s];
            var rowSum = sums.Sum.AsSpan(s * trials, trials);
            var rowSumSq = sums.SumSq.AsSpan(s * trials, trials);
            for (var n = 0; n < trials; n++)
            {
                isSum[n] += rowSum[n];
                isSumSq[n] += rowSumSq[n];
            }
        }
        var oosCount = periods - isCount;
        for (var n = 0; n < trials; n++)
        {
            isSharpe[n] = sums.Sharpe(n, isSum[n], isSumSq[n], isCount);
            oosSharpe[n] = sums.Sharpe(n, sums.TotalSum[n] - isSum[n], sums.TotalSumSq[n] - isSumSq[n], oosCount);
        }

        best = 0;
        for (var n = 1; n < trials; n++)
        {
            if (isSharpe[n] > isSharpe[best]) best = n;
        }
        bestOutOfSample = oosSharpe[best];
        return TwiceOutOfSampleRank(oosSharpe, best);
    }

    /// <summary>One thread's working arrays, one value per trial.</summary>
    private sealed class Scratch(int trials)
    {
        public double[] IsSum { get; } = new double[trials];
        public double[] IsSumSq { get; } = new double[trials];
        public double[] IsSharpe { get; } = new double[trials];
        public double[] OosSharpe { get; } = new double[trials];
    }

    /// <summary>2 × the mid-rank of trial <paramref name="chosen"/> (1 = worst), kept whole so ω̄ ≤ 0.5 is exact.</summary>
    private static int TwiceOutOfSampleRank(double[] sharpe, int chosen)
    {
        var below = 0;
        var tied = 0;
        var value = sharpe[chosen];
        for (var n = 0; n < sharpe.Length; n++)
        {
            if (n == chosen) continue;
            if (sharpe[n] < value) below++;
            else if (sharpe[n] == value) tied++;
        }
        return 2 * below + 2 + tied;
    }
}
