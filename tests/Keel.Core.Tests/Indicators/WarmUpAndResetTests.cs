using Keel.Core.Indicators;

namespace Keel.Core.Tests.Indicators;

public class WarmUpAndResetTests
{
    private static readonly Keel.Core.Domain.Bar[] Bars = IndicatorTestData.RandomBars(300, seed: 7);

    [Theory]
    [InlineData("sma:20", 20)]
    [InlineData("ema:20", 20)]
    [InlineData("wma:20", 20)]
    [InlineData("rsi:14", 15)]
    [InlineData("atr:14", 15)]
    [InlineData("macd:12:26:9", 34)]
    [InlineData("bbands:20:2", 20)]
    [InlineData("roc:10", 11)]
    [InlineData("stddev:20", 20)]
    [InlineData("zscore:20", 20)]
    [InlineData("sma:1", 1)]
    [InlineData("macd:1:2:1", 2)]
    public void Outputs_are_NaN_until_ready_and_the_first_value_is_at_the_TAlib_index(string spec, int warmUp)
    {
        var indicator = IndicatorSpec.Parse(spec);
        indicator.WarmUpPeriod.ShouldBe(warmUp);

        for (var i = 0; i < warmUp + 5; i++)
        {
            indicator.IsReady.ShouldBe(i >= warmUp, $"before bar {i}");
            indicator.Update(in Bars[i]);
            indicator.Samples.ShouldBe(i + 1);
            indicator.IsReady.ShouldBe(i + 1 >= warmUp, $"after bar {i}");
            for (var output = 0; output < indicator.OutputNames.Count; output++)
            {
                // The first value is at index warmUp - 1 (TA-Lib's lookback).
                var value = indicator.GetOutput(output);
                if (i < warmUp - 1) double.IsNaN(value).ShouldBeTrue($"{indicator.OutputNames[output]} at bar {i}");
                else double.IsFinite(value).ShouldBeTrue($"{indicator.OutputNames[output]} at bar {i}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(IndicatorTestData.AllSpecsData), MemberType = typeof(IndicatorTestData))]
    public void Reset_returns_to_the_initial_state(string spec)
    {
        var indicator = IndicatorSpec.Parse(spec);
        var first = IndicatorTestData.RunIncrementally(indicator, Bars);

        indicator.Reset();

        indicator.Samples.ShouldBe(0);
        indicator.IsReady.ShouldBeFalse();
        for (var output = 0; output < indicator.OutputNames.Count; output++) double.IsNaN(indicator.GetOutput(output)).ShouldBeTrue();
        // Replaying the same bars (same timestamps: the time check was reset too) gives the same outputs.
        var replay = IndicatorTestData.RunIncrementally(indicator, Bars);
        IndicatorTestData.ShouldBeBitwiseEqual(replay, first, spec);
        IndicatorTestData.ShouldBeBitwiseEqual(replay, IndicatorTestData.RunIncrementally(IndicatorSpec.Parse(spec), Bars), spec);
    }

    [Fact]
    public void Single_output_indicators_expose_Value_and_multi_output_ones_their_named_outputs()
    {
        var sma = new Sma(3);
        double.IsNaN(sma.Value).ShouldBeTrue();
        sma.Update(1);
        sma.Update(2);
        sma.Update(6);
        sma.Value.ShouldBe(3);
        sma.GetOutput(0).ShouldBe(3);
        Should.Throw<ArgumentOutOfRangeException>(() => sma.GetOutput(1));

        var macd = new Macd(1, 2, 1);
        macd.Update(1);
        macd.Update(3);
        // fast EMA(1) = 3, slow EMA(2) = (1+3)/2 = 2; line 1, signal EMA(1) of it 1, histogram 0.
        (macd.MacdLine, macd.Signal, macd.Histogram).ShouldBe((1.0, 1.0, 0.0));
        Should.Throw<ArgumentOutOfRangeException>(() => macd.GetOutput(3));

        var bands = new BollingerBands(2, 1);
        bands.Update(1);
        bands.Update(3);
        (bands.Upper, bands.Middle, bands.Lower).ShouldBe((3.0, 2.0, 1.0));
    }
}
