using Keel.Core.Domain;
using Keel.Core.Indicators;

namespace Keel.Core.Tests.Indicators;

/// <summary>Inputs and comparisons shared by the indicator tests. Everything is seeded; no clock.</summary>
internal static class IndicatorTestData
{
    public static readonly DateTime Start = new(2024, 1, 2, 14, 30, 0, DateTimeKind.Utc);

    /// <summary>Every indicator, with its usual parameters and with the smallest ones allowed.</summary>
    public static readonly string[] AllSpecs =
    [
        "sma:20", "sma:1", "ema:20", "ema:1", "wma:20", "wma:1", "rsi:14", "rsi:2",
        "macd:12:26:9", "macd:1:2:1", "bbands:20:2", "bbands:2:0.5", "atr:14", "atr:1",
        "stddev:20", "stddev:2", "zscore:20", "zscore:2", "roc:10", "roc:1",
    ];

    public static TheoryData<string> AllSpecsData() => new(AllSpecs);

    /// <summary>
    /// A seeded random walk of valid bars, one minute apart, with flat stretches (all four prices
    /// equal for 30 bars) that exercise the equal-values paths.
    /// </summary>
    public static Bar[] RandomBars(int count, int seed)
    {
        var random = new Random(seed);
        var bars = new Bar[count];
        var price = 100.0;
        for (var i = 0; i < count; i++)
        {
            var time = Start.AddMinutes(i);
            if (i % 400 >= 370)
            {
                bars[i] = new Bar(time, price, price, price, price, 0);
                continue;
            }
            var open = price;
            var close = Math.Max(1, price + (random.NextDouble() - 0.5) * 2);
            var high = Math.Max(open, close) + random.NextDouble() * 0.5;
            var low = Math.Max(0.5, Math.Min(open, close) - random.NextDouble() * 0.5);
            bars[i] = new Bar(time, open, high, low, close, random.Next(100, 10_000));
            price = close;
        }
        return bars;
    }

    public static double[] Closes(Bar[] bars) => Array.ConvertAll(bars, bar => bar.Close);

    /// <summary>Runs the indicator bar by bar and records every output after every bar.</summary>
    public static double[][] RunIncrementally(IIndicator indicator, Bar[] bars)
    {
        var outputs = new double[indicator.OutputNames.Count][];
        for (var o = 0; o < outputs.Length; o++) outputs[o] = new double[bars.Length];
        for (var i = 0; i < bars.Length; i++)
        {
            indicator.Update(in bars[i]);
            for (var o = 0; o < outputs.Length; o++) outputs[o][i] = indicator.GetOutput(o);
        }
        return outputs;
    }

    /// <summary>
    /// Agreement to 1e-9 relative. Below 1 in magnitude the bound becomes 1e-9 absolute: outputs
    /// such as a MACD histogram or a z-score cross zero, where a relative bound means nothing.
    /// </summary>
    public static void ShouldAgree(double actual, double expected, string context)
    {
        if (double.IsNaN(expected))
        {
            double.IsNaN(actual).ShouldBeTrue($"{context}: expected NaN, got {actual:R}");
            return;
        }
        var tolerance = 1e-9 * Math.Max(Math.Abs(expected), 1);
        Math.Abs(actual - expected).ShouldBeLessThanOrEqualTo(tolerance, $"{context}: got {actual:R}, expected {expected:R}");
    }

    public static void ShouldBeBitwiseEqual(double[][] actual, double[][] expected, string context)
    {
        actual.Length.ShouldBe(expected.Length, context);
        for (var o = 0; o < expected.Length; o++)
        {
            actual[o].Length.ShouldBe(expected[o].Length, context);
            for (var i = 0; i < expected[o].Length; i++)
            {
                if (BitConverter.DoubleToInt64Bits(actual[o][i]) != BitConverter.DoubleToInt64Bits(expected[o][i]))
                    throw new Xunit.Sdk.XunitException($"{context}: output {o} differs at {i}: {actual[o][i]:R} vs {expected[o][i]:R}");
            }
        }
    }
}
