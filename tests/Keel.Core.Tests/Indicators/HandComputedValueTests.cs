using Keel.Core.Domain;
using Keel.Core.Indicators;

namespace Keel.Core.Tests.Indicators;

/// <summary>
/// Short series worked out by hand (the arithmetic is in the comments), so that each formula and
/// each warm-up index is pinned by something other than another program.
/// </summary>
public class HandComputedValueTests
{
    private const double Tolerance = 1e-12;

    private static double[] Run(IPriceIndicator indicator, params double[] inputs) =>
        IndicatorBatch.Run(indicator, inputs)[0];

    private static void ShouldMatch(double[] actual, params double[] expected)
    {
        actual.Length.ShouldBe(expected.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            if (double.IsNaN(expected[i])) double.IsNaN(actual[i]).ShouldBeTrue($"index {i} should be NaN, was {actual[i]}");
            else actual[i].ShouldBe(expected[i], Tolerance, $"index {i}");
        }
    }

    private static Bar HighLowClose(int day, double high, double low, double close) =>
        new(IndicatorTestData.Start.AddDays(day), close, high, low, close, 0);

    [Fact]
    public void Sma_3()
    {
        // (10+11+13)/3 = 34/3; (11+13+16)/3 = 40/3; (13+16+20)/3 = 49/3
        ShouldMatch(Run(new Sma(3), 10, 11, 13, 16, 20), double.NaN, double.NaN, 34.0 / 3, 40.0 / 3, 49.0 / 3);
    }

    [Fact]
    public void Ema_3_is_seeded_with_the_sma_of_the_first_three()
    {
        // k = 2/(3+1) = 0.5. Seed at index 2: (2+4+6)/3 = 4.
        // index 3: (10-4)*0.5 + 4 = 7;  index 4: (2-7)*0.5 + 7 = 4.5
        ShouldMatch(Run(new Ema(3), 2, 4, 6, 10, 2), double.NaN, double.NaN, 4, 7, 4.5);
    }

    [Fact]
    public void Wma_3_weights_the_newest_most()
    {
        // divisor 1+2+3 = 6. index 2: (1*2 + 2*4 + 3*6)/6 = 28/6; index 3: (1*4 + 2*6 + 3*10)/6 = 46/6
        ShouldMatch(Run(new Wma(3), 2, 4, 6, 10), double.NaN, double.NaN, 28.0 / 6, 46.0 / 6);
    }

    [Fact]
    public void Rsi_3_uses_wilder_smoothing()
    {
        // changes: +1, -0.5, +1, -0.5, +1 (index 1..5)
        // index 3: gain (1+0+1)/3 = 2/3, loss (0+0.5+0)/3 = 1/6; RSI = 100*(2/3)/(2/3+1/6) = 80
        // index 4 (-0.5): gain (2/3*2+0)/3 = 4/9, loss (1/6*2+0.5)/3 = 5/18; RSI = 100*(8/18)/(13/18) = 800/13
        // index 5 (+1):   gain (4/9*2+1)/3 = 17/27, loss (5/18*2+0)/3 = 5/27; RSI = 100*17/22 = 1700/22
        ShouldMatch(Run(new Rsi(3), 10, 11, 10.5, 11.5, 11, 12),
            double.NaN, double.NaN, double.NaN, 80, 800.0 / 13, 1700.0 / 22);
    }

    [Fact]
    public void Rsi_is_zero_on_a_flat_series_and_100_when_only_rising()
    {
        // Flat: gain = loss = 0, and TA-Lib then reports 0 rather than 0/0.
        ShouldMatch(Run(new Rsi(3), 5, 5, 5, 5, 5), double.NaN, double.NaN, double.NaN, 0, 0);
        // Only gains: loss = 0, RSI = 100*gain/gain = 100.
        ShouldMatch(Run(new Rsi(3), 1, 2, 3, 4), double.NaN, double.NaN, double.NaN, 100);
    }

    [Fact]
    public void Atr_3_uses_true_range_from_the_second_bar()
    {
        Bar[] bars =
        [
            HighLowClose(0, high: 11, low: 9, close: 10),
            HighLowClose(1, high: 12, low: 10, close: 11),     // TR max(12-10, |12-10|, |10-10|) = 2
            HighLowClose(2, high: 11.5, low: 10.5, close: 11), // TR max(1, |11.5-11|, |10.5-11|) = 1
            HighLowClose(3, high: 14, low: 12, close: 13),     // TR max(2, |14-11|, |12-11|) = 3 -> ATR (2+1+3)/3 = 2
            HighLowClose(4, high: 13, low: 9, close: 10),      // TR max(4, |13-13|, |9-13|) = 4 -> ATR (2*2+4)/3 = 8/3
            HighLowClose(5, high: 8, low: 7, close: 7.5),      // gap: TR max(1, |8-10|, |7-10|) = 3 -> ATR (8/3*2+3)/3 = 25/9
        ];
        ShouldMatch(IndicatorBatch.Run(new Atr(3), bars)[0], double.NaN, double.NaN, double.NaN, 2, 8.0 / 3, 25.0 / 9);
    }

    [Fact]
    public void Macd_2_3_2_aligns_the_fast_ema_with_the_slow_one()
    {
        // slow EMA(3), k = 1/2, seed (1+2+4)/3 = 7/3 at index 2.
        // fast EMA(2), k = 2/3, seeded at the same index from the last 2 inputs: (2+4)/2 = 3.
        //   (Seeding from the first 2 inputs would give 1.5 at index 1 and 3.1667 at index 2.)
        // index 2: line 3 - 7/3 = 2/3.
        // index 3 (x=8): slow (8-7/3)/2 + 7/3 = 31/6; fast (8-3)*2/3 + 3 = 19/3; line 19/3 - 31/6 = 7/6.
        //   signal EMA(2) seed = mean(2/3, 7/6) = 11/12; histogram 7/6 - 11/12 = 1/4. First output: index 3.
        // index 4 (x=4): slow (4-31/6)/2 + 31/6 = 55/12; fast (4-19/3)*2/3 + 19/3 = 43/9; line 43/9 - 55/12 = 7/36;
        //   signal (7/36 - 11/12)*2/3 + 11/12 = 47/108; histogram 7/36 - 47/108 = -13/54.
        var outputs = IndicatorBatch.Run(new Macd(2, 3, 2), [1.0, 2, 4, 8, 4]);
        ShouldMatch(outputs[0], double.NaN, double.NaN, double.NaN, 7.0 / 6, 7.0 / 36);
        ShouldMatch(outputs[1], double.NaN, double.NaN, double.NaN, 11.0 / 12, 47.0 / 108);
        ShouldMatch(outputs[2], double.NaN, double.NaN, double.NaN, 1.0 / 4, -13.0 / 54);
    }

    [Fact]
    public void Population_stddev_bollinger_and_zscore_on_the_textbook_series()
    {
        // 2,4,4,4,5,5,7,9: mean 40/8 = 5; squared deviations 9+1+1+1+0+0+4+16 = 32; variance 32/8 = 4; sd 2.
        double[] inputs = [2, 4, 4, 4, 5, 5, 7, 9];
        Run(new RollingStdDev(8), inputs)[7].ShouldBe(2, Tolerance);

        // Bollinger(8, 2): 5 + 2*2 = 9, 5, 5 - 2*2 = 1.
        var bands = IndicatorBatch.Run(new BollingerBands(8, 2), inputs);
        bands[0][7].ShouldBe(9, Tolerance);
        bands[1][7].ShouldBe(5, Tolerance);
        bands[2][7].ShouldBe(1, Tolerance);
        double.IsNaN(bands[1][6]).ShouldBeTrue();

        // z-score of the last input: (9 - 5)/2 = 2.
        Run(new ZScore(8), inputs)[7].ShouldBe(2, Tolerance);
    }

    [Fact]
    public void Stddev_2_of_one_and_three_is_one()
    {
        // mean 2, deviations -1 and +1, variance (1+1)/2 = 1.
        ShouldMatch(Run(new RollingStdDev(2), 1, 3), double.NaN, 1);
    }

    [Fact]
    public void A_window_of_equal_values_has_exactly_zero_spread()
    {
        // The sums are rebuilt from the window at the third input (shift 7.7, deviations -4.4, -6.6, 0);
        // then -4.4 and -6.6 leave by subtraction, which leaves rounding residue (7e-15 in the sum of
        // squares, a "stddev" of 5e-8). The window 7.7, 7.7, 7.7 must still give mean 7.7 and spread 0
        // exactly.
        double[] inputs = [3.3, 1.1, 7.7, 7.7, 7.7];
        Run(new Sma(3), inputs)[4].ShouldBe(7.7);
        Run(new RollingStdDev(3), inputs)[4].ShouldBe(0);
        Run(new ZScore(3), inputs)[4].ShouldBe(0);
        var bands = IndicatorBatch.Run(new BollingerBands(3, 2), inputs);
        bands[0][4].ShouldBe(7.7);
        bands[1][4].ShouldBe(7.7);
        bands[2][4].ShouldBe(7.7);
    }

    [Fact]
    public void Roc_2_is_the_percent_change_over_two_inputs()
    {
        // index 2: (12/10 - 1)*100 = 20;  index 3: (9.9/11 - 1)*100 = -10
        ShouldMatch(Run(new RateOfChange(2), 10, 11, 12, 9.9), double.NaN, double.NaN, 20, -10);
        // TA-Lib gives 0 rather than infinity when the old value is 0.
        ShouldMatch(Run(new RateOfChange(1), 0, 5), double.NaN, 0);
    }
}
