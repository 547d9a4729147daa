using Keel.Core.Research;

namespace Keel.Core.Tests.Research;

public class NormalDistributionTests
{
    [Theory]
    // Standard normal table values.
    [InlineData(0.0, 0.5)]
    [InlineData(1.96, 0.9750021)]
    [InlineData(-1.96, 0.0249979)]
    [InlineData(1.0, 0.8413447)]
    [InlineData(2.326348, 0.99)]
    [InlineData(-3.0, 0.0013499)]
    public void Cdf_matches_table_values(double x, double expected)
    {
        NormalDistribution.Cdf(x).ShouldBe(expected, 1e-6);
    }

    [Theory]
    [InlineData(0.975, 1.959964)]
    [InlineData(0.99, 2.326348)]
    [InlineData(0.95, 1.644854)]
    [InlineData(0.5, 0.0)]
    [InlineData(0.025, -1.959964)]
    [InlineData(0.001, -3.090232)]
    public void Inverse_matches_table_values(double p, double expected)
    {
        NormalDistribution.InverseCdf(p).ShouldBe(expected, 1e-6);
    }

    [Theory]
    // Far-tail values, 0.5·erfc(−x/√2) in Python (math.erfc).
    [InlineData(-6.0, 9.865876450377012e-10)]
    [InlineData(-8.0, 6.220960574271819e-16)]
    [InlineData(-10.0, 7.619853024160593e-24)]
    public void Tails_keep_their_relative_accuracy(double x, double expected)
    {
        (NormalDistribution.Cdf(x) / expected).ShouldBe(1, 1e-7);
        NormalDistribution.Cdf(-x).ShouldBe(1 - expected, 1e-15);
    }

    [Fact]
    public void Inverse_undoes_the_cdf_across_the_range()
    {
        foreach (var p in new[] { 1e-12, 1e-8, 1e-4, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 0.9999, 1 - 1e-8 })
        {
            var x = NormalDistribution.InverseCdf(p);
            Math.Abs(NormalDistribution.Cdf(x) - p).ShouldBeLessThanOrEqualTo(Math.Max(1e-9 * Math.Min(p, 1 - p), 4e-16), $"p={p}");
        }
        NormalDistribution.InverseCdf(0).ShouldBe(double.NegativeInfinity);
        NormalDistribution.InverseCdf(1).ShouldBe(double.PositiveInfinity);
        Should.Throw<ArgumentOutOfRangeException>(() => NormalDistribution.InverseCdf(1.5));
        Should.Throw<ArgumentOutOfRangeException>(() => NormalDistribution.InverseCdf(double.NaN));
    }
}
