using Keel.Core.Research;

namespace Keel.Core.Tests.Research;

public class SharpeStatisticsTests
{
    // Bailey & López de Prado, "The Deflated Sharpe Ratio" (JPM 2014), section "A Numerical Example"
    // (pp. 9–10 of the working paper): a strategist runs N = 100 independent trials; the best has an
    // annualised Sharpe of 2.5 over 5 years of daily returns, T = 1250 at 250 a year, with skewness −3
    // and kurtosis 10; the trials' annualised Sharpe ratios have variance V = 1/2. Per day: SR = 2.5/√250,
    // V = (1/2)/250. The paper states E[max SR] = SR0 ≈ 0.1132 (per day) and DSR ≈ 0.9004, "only a 90%
    // probability that the true Sharpe is above zero"; with N = 46 trials DSR would be 0.9505; with normal
    // returns (skewness 0, kurtosis 3) the strategy passes 95% up to N = 88 (DSR ≈ 0.9505). The paper
    // prints four decimals, so each is checked to ±5e-5.
    private static readonly double PaperSharpe = 2.5 / Math.Sqrt(250);
    private const double PaperVariance = 0.5 / 250;
    private const int PaperObservations = 1250;

    [Fact]
    public void Expected_maximum_sharpe_reproduces_the_paper_example()
    {
        SharpeStatistics.ExpectedMaxSharpe(100, PaperVariance).ShouldBe(0.1132, 5e-5);
    }

    [Theory]
    [InlineData(100, -3.0, 10.0, 0.9004)]
    [InlineData(46, -3.0, 10.0, 0.9505)]
    [InlineData(88, 0.0, 3.0, 0.9505)]
    public void Deflated_sharpe_reproduces_the_paper_example(int trials, double skewness, double kurtosis, double expected)
    {
        SharpeStatistics.Deflated(PaperSharpe, PaperObservations, skewness, kurtosis, trials, PaperVariance).ShouldBe(expected, 5e-5);
    }

    [Fact]
    public void Probabilistic_sharpe_is_one_half_at_the_benchmark_and_grows_with_the_track_record()
    {
        SharpeStatistics.Probabilistic(0.1, 0.1, 100, -1, 6).ShouldBe(0.5, 1e-15);
        // Normal returns, SR 0.1 per bar against 0: z = 0.1·√(n−1) / √(1 + 0.005) → Φ(0.9925) at n = 100.
        SharpeStatistics.Probabilistic(0.1, 0, 100, 0, 3).ShouldBe(NormalDistribution.Cdf(0.1 * Math.Sqrt(99) / Math.Sqrt(1.005)), 1e-15);
        SharpeStatistics.Probabilistic(0.1, 0, 1000, 0, 3).ShouldBeGreaterThan(SharpeStatistics.Probabilistic(0.1, 0, 100, 0, 3));
        // Negative skew and fat tails widen the estimate's spread, so less confidence.
        SharpeStatistics.Probabilistic(0.1, 0, 100, -3, 10).ShouldBeLessThan(SharpeStatistics.Probabilistic(0.1, 0, 100, 0, 3));
    }

    [Fact]
    public void Moments_of_a_small_series_match_hand_values()
    {
        // [0, 0, 0, 1]: mean 0.25; central moments m2 = 0.1875, m3 = 0.09375, m4 = 0.08203125;
        // skewness = 0.09375 / 0.1875^1.5 = 2/√3 ≈ 1.1547; kurtosis = m4/m2² = 7/3 (a two-point
        // distribution has kurtosis = skewness² + 1); sample deviation √(0.75/3) = 0.5.
        var m = ReturnMoments.Of([0, 0, 0, 1]);
        m.Mean.ShouldBe(0.25);
        m.StdDev.ShouldBe(0.5, 1e-15);
        m.Skewness.ShouldBe(2 / Math.Sqrt(3), 1e-12);
        m.Kurtosis.ShouldBe(7.0 / 3, 1e-12);
        m.Sharpe.ShouldBe(0.5, 1e-15);
    }

    [Fact]
    public void A_flat_series_has_sharpe_zero_and_normal_shape()
    {
        var m = ReturnMoments.Of([0.001, 0.001, 0.001, 0.001]);
        m.Sharpe.ShouldBe(0);
        (m.Skewness, m.Kurtosis).ShouldBe((0.0, 3.0));
        SharpeStatistics.Probabilistic([0.001, 0.001, 0.001], 0).ShouldBe(0.5);
    }

    [Fact]
    public void Deflated_from_returns_uses_the_trials_count_and_sample_variance()
    {
        double[] returns = [0.01, -0.005, 0.02, 0.003, -0.01, 0.015, 0.007, -0.002];
        double[] trials = [0.1, 0.3, -0.2, 0.25, 0.05];
        var m = ReturnMoments.Of(returns);
        // Sample variance of the trials: mean 0.1, squared deviations 0, .04, .09, .0225, .0025 → 0.155 / 4.
        var expected = SharpeStatistics.Deflated(m.Sharpe, 8, m.Skewness, m.Kurtosis, 5, 0.155 / 4);
        SharpeStatistics.Deflated(returns, trials).ShouldBe(expected, 1e-15);
        expected.ShouldBeLessThan(SharpeStatistics.Probabilistic(returns));
    }

    [Fact]
    public void One_trial_deflates_nothing()
    {
        SharpeStatistics.ExpectedMaxSharpe(1, 0.5).ShouldBe(0);
        SharpeStatistics.Deflated(0.1, 100, 0, 3, 1, 0.5).ShouldBe(SharpeStatistics.Probabilistic(0.1, 0, 100, 0, 3));
    }

    [Fact]
    public void Impossible_inputs_are_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => SharpeStatistics.Probabilistic(0.1, 0, 1, 0, 3));
        Should.Throw<ArgumentOutOfRangeException>(() => SharpeStatistics.ExpectedMaxSharpe(0, 0.5));
        Should.Throw<ArgumentOutOfRangeException>(() => SharpeStatistics.ExpectedMaxSharpe(10, -1));
        // Excess kurtosis (−10) passed where kurtosis is expected leaves a negative variance.
        Should.Throw<ArgumentException>(() => SharpeStatistics.Probabilistic(1, 0, 100, 0, -10)).Message.ShouldContain("non-excess");
    }
}
