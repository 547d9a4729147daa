using Keel.Core.Indicators;

namespace Keel.Core.Tests.Indicators;

/// <summary>
/// The rolling sums behind SMA, WMA, stddev, Bollinger and z-score must not drift or cancel: after a
/// million updates of a hostile series they still match a naive recomputation of the window to 1e-9.
/// </summary>
public class RollingAccuracyTests
{
    private const int Period = 20;
    private const int Updates = 1_000_000;
    private const double Tolerance = 1e-9;

    /// <summary>
    /// Three stretches: a multiplicative random walk near 100, a price near 1,000,000 moving by cents
    /// (spread tiny next to level: E[x²] − E[x]² loses every digit), and the walk again. Both walks
    /// carry rare bad ticks a trillion times the price, which poison plain running sums when they leave.
    /// </summary>
    private static double[] HostileSeries()
    {
        var random = new Random(1_000_003);
        var values = new double[Updates];
        var price = 100.0;
        for (var i = 0; i < Updates; i++)
        {
            if (i >= Updates / 3 && i < 2 * Updates / 3)
            {
                values[i] = 1_000_000 + Math.Round((random.NextDouble() - 0.5) * 4, 2);
                continue;
            }
            price *= 1 + (random.NextDouble() - 0.5) * 0.002;
            values[i] = random.Next(5_000) == 0 ? price * 1e12 : price;
        }
        return values;
    }

    private static readonly Lazy<double[]> Series = new(HostileSeries);

    private static (double Mean, double StdDev, double Wma) Naive(double[] values, int end)
    {
        var window = values.AsSpan(end - Period + 1, Period);
        double sum = 0, weighted = 0;
        for (var i = 0; i < Period; i++)
        {
            sum += window[i];
            weighted += (i + 1) * window[i];
        }
        var mean = sum / Period;
        double squares = 0;
        foreach (var v in window) squares += (v - mean) * (v - mean);
        return (mean, Math.Sqrt(squares / Period), weighted / (Period * (Period + 1) / 2.0));
    }

    private static double RelativeError(double actual, double expected) => Math.Abs(actual - expected) / Math.Abs(expected);

    [Fact]
    public void After_a_million_updates_sma_stddev_and_wma_match_a_naive_recomputation()
    {
        var values = Series.Value;
        var sma = new Sma(Period);
        var stddev = new RollingStdDev(Period);
        var wma = new Wma(Period);
        var checkpoints = 0;

        for (var i = 0; i < values.Length; i++)
        {
            sma.Update(values[i]);
            stddev.Update(values[i]);
            wma.Update(values[i]);
            if (i < Period - 1 || (i % 997 != 0 && i != values.Length - 1)) continue;

            var naive = Naive(values, i);
            RelativeError(sma.Value, naive.Mean).ShouldBeLessThan(Tolerance, $"SMA at update {i}");
            RelativeError(stddev.Value, naive.StdDev).ShouldBeLessThan(Tolerance, $"stddev at update {i}");
            RelativeError(wma.Value, naive.Wma).ShouldBeLessThan(Tolerance, $"WMA at update {i}");
            checkpoints++;
        }
        checkpoints.ShouldBeGreaterThan(1_000);
    }

    [Fact]
    public void The_hostile_series_does_break_plain_running_sums()
    {
        // Control: the textbook O(1) update (running Σx and Σx², variance E[x²] − E[x]², as TA-Lib
        // 0.4 does) fails the same comparison by far, so the test above is not passing by luck.
        var values = Series.Value;
        double sum = 0, sumOfSquares = 0, worstMean = 0, worstStdDev = 0;
        for (var i = 0; i < values.Length; i++)
        {
            sum += values[i];
            sumOfSquares += values[i] * values[i];
            if (i >= Period)
            {
                sum -= values[i - Period];
                sumOfSquares -= values[i - Period] * values[i - Period];
            }
            if (i < Period - 1 || i % 997 != 0) continue;
            var mean = sum / Period;
            var naive = Naive(values, i);
            worstMean = Math.Max(worstMean, RelativeError(mean, naive.Mean));
            worstStdDev = Math.Max(worstStdDev, RelativeError(Math.Sqrt(Math.Max(0, sumOfSquares / Period - mean * mean)), naive.StdDev));
        }
        worstMean.ShouldBeGreaterThan(Tolerance);
        worstStdDev.ShouldBeGreaterThan(1e-3);
    }

    [Fact]
    public void A_huge_value_passing_through_the_window_leaves_no_trace()
    {
        // pandas GH#47721: a 1e10 spike enters and leaves a 6-wide window; the spread must snap back.
        double[] values = [1, -1, 0, 1, 3, 2, -2, 1e10, 1, 2, 0, -2, 1, 3, 0, 1];
        var stddev = new RollingStdDev(6);
        var sma = new Sma(6);
        for (var i = 0; i < values.Length; i++)
        {
            stddev.Update(values[i]);
            sma.Update(values[i]);
            if (i < 5) continue;
            var window = values[(i - 5)..(i + 1)];
            var mean = window.Average();
            var expectedStdDev = Math.Sqrt(window.Sum(v => (v - mean) * (v - mean)) / 6);
            IndicatorTestData.ShouldAgree(sma.Value, mean, $"SMA at {i}");
            RelativeError(stddev.Value, expectedStdDev).ShouldBeLessThan(Tolerance, $"stddev at {i}");
        }
    }

    [Fact]
    public void A_spike_followed_by_a_constant_gives_exactly_zero_spread()
    {
        // pandas GH#42064: 1000 then zeros; once the 1000 has left a 10-wide window the spread is 0 exactly.
        var stddev = new RollingStdDev(10);
        var zscore = new ZScore(10);
        stddev.Update(1000);
        zscore.Update(1000);
        for (var i = 1; i < 200; i++)
        {
            stddev.Update(0);
            zscore.Update(0);
            if (i < 10) continue;
            stddev.Value.ShouldBe(0, $"stddev at {i}");
            zscore.Value.ShouldBe(0, $"z-score at {i}");
        }
    }

    [Fact]
    public void Spread_is_shift_invariant_at_large_price_levels()
    {
        // The same moves at 100 and at 100,000,000 have the same spread, up to the rounding of
        // 100,000,000 + move (about 7e-9 against a spread near 0.6), where E[x²] − E[x]² loses it all.
        var random = new Random(5);
        var low = new RollingStdDev(30);
        var high = new RollingStdDev(30);
        for (var i = 0; i < 10_000; i++)
        {
            var move = Math.Round(random.NextDouble() * 2, 2);
            low.Update(100 + move);
            high.Update(100_000_000 + move);
            if (i >= 29) RelativeError(high.Value, low.Value).ShouldBeLessThan(1e-7, $"at {i}");
        }
    }
}
