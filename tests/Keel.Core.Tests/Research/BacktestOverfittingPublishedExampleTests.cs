using Keel.Core.Research;

namespace Keel.Core.Tests.Research;

/// <summary>
/// CSCV against a published example: the R package pbo by Matt Barry (CRAN; github mrbcuda/pbo), file
/// tests/test_pbo_function.R. It draws a 200 × 40 matrix with set.seed(852) and rnorm (filled by row),
/// scores trials by the Sharpe ratio of returns − 0.03/252, cuts S = 4 partitions and asserts
/// phi ∈ (0.49, 0.51), below_threshold ∈ (0.49, 0.51), "slope" ∈ (0.19, 0.20), adjusted R² ∈
/// (−0.24, −0.22) and 6 lambdas. <see cref="RRandom"/> rebuilds the same matrix; the exact values
/// pinned below are what the package's pbo() steps, restated in plain R in
/// tests/reference/pbo_reference.R, printed under R 4.2.2 here.
/// </summary>
/// <remarks>Two conventions differ from the package and are converted, nothing else: (1) the package
/// takes ω = rank / N, Keel ω̄ = rank / (N + 1) as in the paper, so λ differs but the count of λ ≤ 0 does
/// not for even N (rank ≤ N/2 either way); (2) the package enumerates splits in combn order
/// ({0,1}, {0,2}, {0,3}, {1,2}, …), Keel by ascending bit mask ({0,1}, {0,2}, {1,2}, {0,3}, …), so splits
/// are matched by their in-sample partitions.</remarks>
public class BacktestOverfittingPublishedExampleTests
{
    private const int Periods = 200;
    private const int Trials = 40;
    private const int Partitions = 4;
    private const double RiskFree = 0.03 / 252;

    /// <summary>R's result per split, in combn order; partitions and trials 0-based.</summary>
    private static readonly (int[] InSample, int Selected, int Rank, double Lambda, double InSampleSharpe, double OutOfSampleSharpe)[] FromR =
    [
        ([0, 1], 4, 38, 2.9444389791664394, 0.20470985901329172, 0.12463199274503105),
        ([0, 2], 11, 2, -2.9444389791664403, 0.23642014401017081, -0.2895317032643569),
        ([0, 3], 4, 34, 1.7346010553881064, 0.31397259264150967, 0.031477425017451044),
        ([1, 2], 21, 28, 0.84729786038720345, 0.11406381585534107, 0.032346746006142374),
        ([1, 3], 39, 14, -0.61903920840622351, 0.13567546446159634, -0.049434935208906322),
        ([2, 3], 10, 14, -0.61903920840622351, 0.19644646922011216, -0.065920147130747939),
    ];

    [Fact]
    public void Matches_the_pbo_package_example()
    {
        var returns = ExampleReturns();
        var result = BacktestOverfitting.Estimate(returns, Partitions);

        // The package's assertions.
        result.Combinations.ShouldBe(6);
        result.Probability.ShouldBeInRange(0.49, 0.51);
        result.ProbabilityOfLoss.ShouldBeInRange(0.49, 0.51);

        // R's exact values: phi = below_threshold = 3/6.
        result.Probability.ShouldBe(0.5);
        result.ProbabilityOfLoss.ShouldBe(0.5);
        foreach (var r in FromR)
        {
            var c = IndexOfSplit(r.InSample);
            var label = $"in-sample partitions {string.Join(",", r.InSample)}";
            result.SelectedTrials[c].ShouldBe(r.Selected, label);
            var rank = (Trials + 1) / (1 + Math.Exp(-result.Logits[c])); // ω̄ (N + 1)
            rank.ShouldBe(r.Rank, 1e-9, label);
            Math.Log(rank / (Trials - rank)).ShouldBe(r.Lambda, 1e-12, label); // the package's λ, ω = rank / N
            result.Logits[c].ShouldBe(Math.Log(r.Rank / (Trials + 1.0 - r.Rank)), 1e-12, label);
            result.SelectedOutOfSampleSharpe[c].ShouldBe(r.OutOfSampleSharpe, 1e-12, label);
            Sharpe(returns, r.Selected, RowsOf(r.InSample)).ShouldBe(r.InSampleSharpe, 1e-12, label);
        }
    }

    [Fact]
    public void Performance_degradation_regression_matches_the_pbo_package_example()
    {
        // The package fits lm(Rn ~ Rbn) over the splits (in-sample Sharpe of the selected trial on its
        // out-of-sample Sharpe) and reports the intercept as "slope" (coefficients[1]). Keel does not
        // fit this; it is computed here from Keel's out-of-sample Sharpe ratios to close the example.
        var returns = ExampleReturns();
        var result = BacktestOverfitting.Estimate(returns, Partitions);
        var x = result.SelectedOutOfSampleSharpe.ToArray();
        var y = SplitsInKeelOrder().Select((inSample, c) => Sharpe(returns, result.SelectedTrials[c], RowsOf(inSample))).ToArray();

        var meanX = x.Average();
        var meanY = y.Average();
        var sxx = x.Sum(v => (v - meanX) * (v - meanX));
        var syy = y.Sum(v => (v - meanY) * (v - meanY));
        var sxy = x.Zip(y).Sum(p => (p.First - meanX) * (p.Second - meanY));
        var slope = sxy / sxx;
        var intercept = meanY - slope * meanX;
        var adjustedR2 = 1 - (1 - sxy * sxy / (sxx * syy)) * (x.Length - 1) / (x.Length - 2);

        intercept.ShouldBeInRange(0.19, 0.20);
        adjustedR2.ShouldBeInRange(-0.24, -0.22);
        intercept.ShouldBe(0.19817025679772199, 1e-12);
        slope.ShouldBe(-0.05667776727555817, 1e-12);
        adjustedR2.ShouldBe(-0.23442119055118105, 1e-12);
    }

    /// <summary>The example's matrix less the risk-free rate: the package's Sharpe is mean(r − rf) / sd(r − rf).</summary>
    private static double[,] ExampleReturns()
    {
        var random = new RRandom(852);
        var returns = new double[Periods, Trials];
        for (var t = 0; t < Periods; t++)
            for (var n = 0; n < Trials; n++)
                returns[t, n] = random.NextNormal() - RiskFree; // matrix(..., byrow = TRUE)
        return returns;
    }

    /// <summary>The in-sample partitions of each split in Keel's order: masks with S/2 bits, ascending.</summary>
    private static List<int[]> SplitsInKeelOrder() => Enumerable.Range(0, 1 << Partitions)
        .Where(mask => System.Numerics.BitOperations.PopCount((uint)mask) == Partitions / 2)
        .Select(mask => Enumerable.Range(0, Partitions).Where(p => (mask >> p & 1) == 1).ToArray())
        .ToList();

    private static int IndexOfSplit(int[] inSample) => SplitsInKeelOrder().FindIndex(s => s.SequenceEqual(inSample));

    private static int[] RowsOf(int[] parts) =>
        parts.SelectMany(p => Enumerable.Range(p * Periods / Partitions, Periods / Partitions)).ToArray();

    /// <summary>mean / sample standard deviation over the given rows, two passes.</summary>
    private static double Sharpe(double[,] returns, int trial, int[] rows)
    {
        var values = rows.Select(t => returns[t, trial]).ToArray();
        var mean = values.Average();
        return mean / Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
    }
}
