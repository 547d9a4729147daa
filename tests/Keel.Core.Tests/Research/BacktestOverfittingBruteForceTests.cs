using Keel.Core.Research;

namespace Keel.Core.Tests.Research;

/// <summary>
/// CSCV checked against a second implementation written here the plain way (every split enumerated,
/// every Sharpe ratio recomputed from its rows in two passes), and a 4 × 3 case worked on paper. The
/// published example (the R package pbo's tests) is reproduced in BacktestOverfittingPublishedExampleTests.
/// </summary>
public class BacktestOverfittingBruteForceTests
{
    [Fact]
    public void Three_trials_over_four_partitions_worked_on_paper()
    {
        // Rows t0..t3 (one per partition), trials A, B, C:
        //   A = [3, 2, 5, 8], B = [9, 5, 4, 1], C = [5, 3, 1, 6].
        // Over two rows [x, y] the Sharpe ratio is (x+y)/(√2·|x−y|), so r = (x+y)/|x−y| orders them:
        //   A: r{01} = 5, r{02} = 4, r{03} = 11/5, r{12} = 7/3, r{13} = 5/3, r{23} = 13/3
        //   B: r{01} = 7/2, r{02} = 13/5, r{03} = 5/4, r{12} = 9, r{13} = 3/2, r{23} = 5/3
        //   C: r{01} = 4, r{02} = 3/2, r{03} = 11, r{12} = 2, r{13} = 3, r{23} = 7/5
        // Splits in mask order, IS → OOS: IS winner; its OOS rank of 3 (1 = worst); ω̄ = rank/4; λ = ln(ω̄/(1−ω̄)):
        //   {0,1} → {2,3}: A (5 > 4 > 7/2);     OOS A 13/3 > B 5/3 > C 7/5: rank 3, λ = ln 3
        //   {0,2} → {1,3}: A (4 > 13/5 > 3/2);  OOS C 3 > A 5/3 > B 3/2:    rank 2, ω̄ = 1/2, λ = 0 (overfit: λ ≤ 0)
        //   {1,2} → {0,3}: B (9 > 7/3 > 2);     OOS C 11 > A 11/5 > B 5/4:  rank 1, λ = −ln 3 (overfit)
        //   {0,3} → {1,2}: C (11 > 11/5 > 5/4); OOS B 9 > A 7/3 > C 2:      rank 1, λ = −ln 3 (overfit)
        //   {1,3} → {0,2}: C (3 > 5/3 > 3/2);   OOS A 4 > B 13/5 > C 3/2:   rank 1, λ = −ln 3 (overfit)
        //   {2,3} → {0,1}: A (13/3 > 5/3 > 7/5); OOS A 5 > C 4 > B 7/2:     rank 3, λ = ln 3
        // PBO = 4/6.
        var returns = new double[,] { { 3, 9, 5 }, { 2, 5, 3 }, { 5, 4, 1 }, { 8, 1, 6 } };
        var ln3 = Math.Log(3);
        var result = BacktestOverfitting.Estimate(returns, partitions: 4);
        result.SelectedTrials.ShouldBe([0, 0, 1, 2, 2, 0]);
        result.Logits.Zip(new[] { ln3, 0, -ln3, -ln3, -ln3, ln3 }).ShouldAllBe(p => Math.Abs(p.First - p.Second) < 1e-12);
        result.Probability.ShouldBe(4.0 / 6, 1e-15);

        var plain = BruteForce(returns, partitions: 4);
        plain.Selected.ShouldBe([0, 0, 1, 2, 2, 0]);
        plain.Probability.ShouldBe(4.0 / 6, 1e-15);
    }

    [Theory]
    [InlineData(24, 5, 4, 1ul)]
    [InlineData(31, 7, 6, 2ul)]  // 31 rows in 6 partitions: sizes 5 and 6
    [InlineData(50, 12, 8, 3ul)]
    [InlineData(40, 4, 10, 4ul)]
    public void Agrees_with_every_split_enumerated_the_plain_way(int periods, int trials, int partitions, ulong seed)
    {
        var noise = new SeededNoise(seed);
        var returns = noise.Matrix(periods, trials, mean: 0.001, sd: 0.01);
        for (var n = 0; n < trials; n++) returns[n % periods, n] += 0.002 * n; // trials a little apart

        var result = BacktestOverfitting.Estimate(returns, partitions);
        var plain = BruteForce(returns, partitions);

        result.SelectedTrials.ShouldBe(plain.Selected);
        result.Logits.Count.ShouldBe(plain.Logits.Count);
        for (var c = 0; c < plain.Logits.Count; c++) result.Logits[c].ShouldBe(plain.Logits[c], 1e-12, $"split {c}");
        result.Probability.ShouldBe(plain.Probability);
    }

    /// <summary>CSCV as the paper states it, with nothing precomputed.</summary>
    private static (double Probability, List<int> Selected, List<double> Logits) BruteForce(double[,] returns, int partitions)
    {
        var periods = returns.GetLength(0);
        var trials = returns.GetLength(1);
        // Partition p holds rows [p·T/S, (p+1)·T/S).
        int[] RowsOf(IEnumerable<int> parts) => parts
            .SelectMany(p => Enumerable.Range(p * periods / partitions, (p + 1) * periods / partitions - p * periods / partitions))
            .ToArray();
        double Sharpe(int trial, int[] rows)
        {
            if (rows.Length < 2) return 0;
            var values = rows.Select(t => returns[t, trial]).ToArray();
            var mean = values.Average();
            var deviation = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
            return deviation <= 1e-14 + 1e-9 * Math.Abs(mean) ? 0 : mean / deviation; // a flat series has Sharpe 0
        }

        var selected = new List<int>();
        var logits = new List<double>();
        var overfit = 0;
        for (var mask = 0; mask < 1 << partitions; mask++)
        {
            if (System.Numerics.BitOperations.PopCount((uint)mask) != partitions / 2) continue;
            var inSample = RowsOf(Enumerable.Range(0, partitions).Where(p => (mask >> p & 1) == 1));
            var outOfSample = RowsOf(Enumerable.Range(0, partitions).Where(p => (mask >> p & 1) == 0));
            var isSharpe = Enumerable.Range(0, trials).Select(n => Sharpe(n, inSample)).ToArray();
            var best = Array.IndexOf(isSharpe, isSharpe.Max()); // ties: the lowest column
            var oos = Enumerable.Range(0, trials).Select(n => Sharpe(n, outOfSample)).ToArray();
            var rank = 1 + oos.Count(v => v < oos[best]) + (oos.Count(v => v == oos[best]) - 1) / 2.0; // mid-rank, 1 = worst
            var omega = rank / (trials + 1);
            selected.Add(best);
            logits.Add(Math.Log(omega / (1 - omega)));
            if (omega <= 0.5) overfit++;
        }
        return ((double)overfit / logits.Count, selected, logits);
    }
}
